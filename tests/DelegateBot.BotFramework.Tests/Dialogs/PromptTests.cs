using DelegateBot.BotFramework.Dialogs;
using DelegateBot.BotFramework.Dialogs.Choices;
using DelegateBot.BotFramework.Dialogs.Prompts;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.BotFramework.Tests.Dialogs;

public class PromptTests
{
    /// <summary>A root that asks one prompt and reports what came back.</summary>
    private sealed class Ask : ComponentDialog
    {
        private readonly PromptOptions _options;

        public Ask(Dialog prompt, PromptOptions options) : base("ask")
        {
            _options = options;
            AddDialog(new WaterfallDialog("steps", [
                (step, ct) => step.PromptAsync(prompt.Id, _options, ct),
                (step, ct) => step.EndDialogAsync(Describe(step.Result), ct),
            ]));
            AddDialog(prompt);
        }

        private static string Describe(object? result) => result switch
        {
            FoundChoice c => $"{c.Value} (#{c.Index + 1})",
            IReadOnlyList<FoundChoice> list => list.Count == 0 ? "none" : string.Join(" + ", list.Select(c => c.Value)),
            DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            bool b => b ? "yes" : "no",
            _ => result?.ToString() ?? "null",
        };
    }

    private static PromptOptions Question(string text, string? retry = null, params string[] choices) => new()
    {
        Prompt = Activity.CreateMessageActivity(text),
        RetryPrompt = retry is null ? null : Activity.CreateMessageActivity(retry),
        Choices = choices.Length == 0 ? null : choices.Select(c => new Choice(c)).ToList(),
    };

    [Fact]
    public async Task Text_prompt_returns_the_text_and_reasks_on_an_empty_message()
    {
        var harness = new DialogHarness(new Ask(new TextPrompt("name"), Question("Your full name?", "Please type your full name.")));
        await harness.Flow()
            .Send("register").AssertReply("Your full name?")
            .Send(" ").AssertReply("Please type your full name.")
            .Send("  Amina Diallo ").AssertReply("Done: Amina Diallo")
            .StartTestAsync();
    }

    [Fact]
    public async Task Activities_other_than_messages_do_not_answer_a_prompt()
    {
        var harness = new DialogHarness(new Ask(new TextPrompt("name"), Question("Your full name?")));
        await harness.Flow()
            .Send("register").AssertReply("Your full name?")
            .Send(new Activity { Type = ActivityTypes.Typing }).AssertNoReply()
            .Send("Amina").AssertReply("Done: Amina")
            .StartTestAsync();
    }

    [Fact]
    public async Task Number_prompt_converts_to_the_requested_type()
    {
        var harness = new DialogHarness(new Ask(new NumberPrompt<long>("n", TestRecognizers.Number), Question("How many delegates?", "A whole number, please.")));
        await harness.Flow()
            .Send("go").AssertReply("How many delegates?")
            .Send("2.5").AssertReply("A whole number, please.")
            .Send("12").AssertReply("Done: 12")
            .StartTestAsync();
    }

    [Fact]
    public async Task Validator_sees_attempts_counted_across_turns_and_can_answer_itself()
    {
        var seen = new List<int>();
        PromptValidator<int> validator = async (context, ct) =>
        {
            seen.Add(context.AttemptCount);
            if (context.Recognized.Succeeded && context.Recognized.Value is > 0 and <= 10) return true;
            if (context.AttemptCount >= 3) await context.Context.SendActivityAsync("Having trouble? Type help or cancel.", ct);
            return false;
        };
        var harness = new DialogHarness(new Ask(new NumberPrompt<int>("n", TestRecognizers.Number, validator), Question("How many (1-10)?", "Between 1 and 10, please.")));
        await harness.Flow()
            .Send("go").AssertReply("How many (1-10)?")
            .Send("0").AssertReply("Between 1 and 10, please.")
            .Send("99").AssertReply("Between 1 and 10, please.")
            .Send("x").AssertReply("Having trouble? Type help or cancel.").AssertNoReply()
            .Send("4").AssertReply("Done: 4")
            .StartTestAsync();
        Assert.Equal([1, 2, 3, 4], seen);
    }

    [Fact]
    public async Task Confirm_prompt_offers_yes_and_no_in_the_users_language()
    {
        var harness = new DialogHarness(new Ask(new ConfirmPrompt("ok", TestRecognizers.YesNo), Question("Is this correct?")));
        await harness.Flow()
            .Send("go").AssertReply(a =>
                a.Text == "Is this correct? (1) Yes or (2) No" && a.SuggestedActions!.Actions!.Select(x => x.Title).SequenceEqual(["Yes", "No"]) ? null : "yes/no with buttons")
            .Send("perhaps").AssertReply("Is this correct? (1) Yes or (2) No")
            .Send("2").AssertReply("Done: no")
            .StartTestAsync();

        var french = new DialogHarness(new Ask(new ConfirmPrompt("ok", TestRecognizers.YesNo), Question("Est-ce correct ?")), locale: "fr-FR");
        await french.Flow()
            .Send("go").AssertReply("Est-ce correct ? (1) Oui ou (2) Non")
            .Send("Oui").AssertReply("Done: yes")
            .StartTestAsync();
    }

    [Fact]
    public async Task Choice_prompt_lists_choices_and_asks_back_on_a_tie()
    {
        var sessions = new[] { "Session 1: approaches", "Session 2: good practices", "Session 3: initiatives" };
        var harness = new DialogHarness(new Ask(new ChoicePrompt("pick", TestRecognizers.Choice), Question("Which session?", "Please pick a session by number.", sessions)));
        await harness.Flow()
            .Send("go").AssertReply(a => a.Text == "Which session?\n\n1. Session 1: approaches\n2. Session 2: good practices\n3. Session 3: initiatives"
                && a.SuggestedActions!.Actions!.Count == 3 ? null : "a numbered list with three buttons")
            .Send("lunch").AssertReply("Please pick a session by number.\n\n1. Session 1: approaches\n2. Session 2: good practices\n3. Session 3: initiatives")
            .Send("session").AssertReply(a => a.Text == "Did you mean Session 1: approaches, Session 2: good practices, or Session 3: initiatives?"
                && a.SuggestedActions!.Actions!.Select(x => (string)x.Value!).SequenceEqual(sessions) ? null : "a question naming the three sessions with a button each")
            .Send("practices").AssertReply("Done: Session 2: good practices (#2)")
            .StartTestAsync();
    }

    [Fact]
    public async Task Short_choices_are_shown_inline_in_french()
    {
        var harness = new DialogHarness(new Ask(new ChoicePrompt("pick", TestRecognizers.Choice), Question("Langue ?", null, "anglais", "français")), locale: "fr-CH");
        await harness.Flow().Send("go").AssertReply("Langue ? (1) anglais ou (2) français").Send("2").AssertReply("Done: français (#2)").StartTestAsync();
    }

    [Fact]
    public async Task Multi_choice_prompt_explains_what_it_did_not_recognise()
    {
        var harness = new DialogHarness(new Ask(new MultiChoicePrompt("many", TestRecognizers.Choices), Question("Which sessions?", "Type their numbers, e.g. 1, 3.", "One", "Two", "Three")));
        await harness.Flow()
            .Send("go").AssertReplyContains("Which sessions?", "1. One", "3. Three")
            .Send("1, 7").AssertReply("I did not recognise \"7\".").AssertReplyContains("Type their numbers, e.g. 1, 3.")
            .Send("1, 3").AssertReply("Done: One + Three")
            .StartTestAsync();
    }

    [Fact]
    public async Task Date_prompt_asks_back_an_ambiguous_date_with_weekdays()
    {
        var harness = new DialogHarness(new Ask(new DateTimePrompt("when", TestRecognizers.Date), Question("Arrival date?")));
        await harness.Flow()
            .Send("go").AssertReply("Arrival date?")
            .Send("02/03/2007").AssertReply("Did you mean Friday, March 2, 2007 or Saturday, February 3, 2007?")
            .Send("2007-03-02").AssertReply("Done: 2007-03-02")
            .StartTestAsync();
    }

    [Fact]
    public async Task Prompt_options_are_required()
    {
        var dialog = new WaterfallDialog("bad", [(step, ct) => step.BeginDialogAsync("text", null, ct)]);
        var root = new ComponentDialog("root");
        root.AddDialog(dialog);
        root.AddDialog(new TextPrompt("text"));
        await Assert.ThrowsAsync<ArgumentNullException>(() => new DialogHarness(root).Flow().Send("hi").StartTestAsync());
    }
}
