using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Dialogs;
using DelegateBot.BotFramework.Dialogs.Choices;
using DelegateBot.BotFramework.Dialogs.Prompts;
using DelegateBot.BotFramework.Schema;
using DelegateBot.BotFramework.Storage;
using DelegateBot.BotFramework.Testing;
using DelegateBot.Dialogs;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DelegateBot.Tests.Dialogs;

/// <summary>The SDK-shaped prompts driven by the real EN/FR recognisers, turn by turn through storage.</summary>
public class PromptRecognizersTests
{
    // Wednesday 21 February 2007, 10:00 in New York.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2007, 2, 21, 15, 0, 0, TimeSpan.Zero));

    private PromptRecognizers Recognizers(string? country = "1")
        => new(_clock, Options.Create(new DialogOptions { TimeZone = "America/New_York", DefaultCountryCode = country }));

    /// <summary>Asks one prompt, then replies with what it returned.</summary>
    private TestFlow Ask(Dialog prompt, PromptOptions options, string locale = "en-US", System.Text.Json.Nodes.JsonObject? validations = null)
    {
        options.Validations = validations;
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("steps", [
            (step, ct) => step.PromptAsync(prompt.Id, options, ct),
            async (step, ct) =>
            {
                var shown = step.Result switch
                {
                    FoundChoice c => c.Value,
                    IReadOnlyList<FoundChoice> l => l.Count == 0 ? "none" : string.Join(" + ", l.Select(c => c.Value)),
                    DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    bool b => b ? "yes" : "no",
                    var other => other?.ToString(),
                };
                await step.Context.SendActivityAsync($"= {shown}", ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        root.AddDialog(prompt);
        var state = new ConversationState(new MemoryStorage());
        var accessor = state.CreateProperty<DialogState>("DialogState");
        var adapter = new TestAdapter(locale: locale, timeProvider: _clock);
        adapter.Use(new AutoSaveStateMiddleware(state));
        return new TestFlow(adapter, (tc, ct) => root.RunAsync(tc, accessor, ct)).Send("start");
    }

    private static PromptOptions Q(string text, params string[] choices) => new()
    {
        Prompt = Activity.CreateMessageActivity(text),
        Choices = choices.Length == 0 ? null : choices.Select(c => new Choice(c)).ToList(),
    };

    [Fact]
    public Task Confirm_in_french_phrasings()
        => Ask(new ConfirmPrompt("c", Recognizers().Confirm), Q("Confirmez-vous ?"), "fr-FR")
            .AssertReply("Confirmez-vous ? (1) Oui ou (2) Non")
            .Send("bof").AssertReply("Merci de répondre par oui ou par non.").AssertReplyContains("Confirmez-vous ?")
            .Send("ouais, d'accord").AssertReply("= yes")
            .StartTestAsync();

    [Fact]
    public Task Confirm_no_in_english()
        => Ask(new ConfirmPrompt("c", Recognizers().Confirm), Q("Need interpretation?")).AssertReplyContains("Need interpretation?")
            .Send("nope").AssertReply("= no").StartTestAsync();

    [Fact]
    public Task Date_relative_to_the_clock_in_the_configured_zone()
        => Ask(new DateTimePrompt("d", Recognizers().Date), Q("Arrival?")).AssertReply("Arrival?")
            .Send("tomorrow").AssertReply("= 2007-02-22").StartTestAsync();

    [Fact]
    public Task Ambiguous_date_is_asked_back_then_accepted()
        => Ask(new DateTimePrompt("d", Recognizers().Date), Q("Arrivée ?"), "fr-FR").AssertReply("Arrivée ?")
            .Send("02/03/2007").AssertReply("Vouliez-vous dire vendredi 2 mars 2007 ou samedi 3 février 2007 ?")
            .Send("2 mars 2007").AssertReply("= 2007-03-02")
            .StartTestAsync();

    [Fact]
    public Task Email_errors_say_what_is_wrong()
        => Ask(new EmailPrompt("e", Recognizers().Email), Q("Email?")).AssertReply("Email?")
            .Send("jane@un").AssertReply("The part after the @ is not a valid domain.").AssertReply("Email?")
            .Send("Jane.Doe@UN.org").AssertReply("= jane.doe@un.org")
            .StartTestAsync();

    [Fact]
    public Task Email_typo_of_a_common_domain_is_queried_once()
        => Ask(new EmailPrompt("e", Recognizers().Email), Q("Email?")).AssertReply("Email?")
            .Send("jane@gmial.com").AssertReply("Did you mean jane@gmail.com? If jane@gmial.com is right, send it again.").AssertReply("Email?")
            .Send("jane@gmial.com").AssertReply("= jane@gmial.com")
            .StartTestAsync();

    [Fact]
    public Task Phone_numbers_get_the_meetings_country_code()
        => Ask(new PhoneNumberPrompt("p", Recognizers(country: null).Phone), Q("Phone?"), "en-US", new System.Text.Json.Nodes.JsonObject { [PromptRecognizers.CountryCodeKey] = "1" }).AssertReply("Phone?")
            .Send("963-3021").AssertReply("That number is too short. Please include the country code, e.g. +41 22 917 12 34.").AssertReply("Phone?")
            .Send("(212) 963-3021 ext. 9196").AssertReply("= +1 212 963 3021 ext. 9196")
            .StartTestAsync();

    [Fact]
    public Task Choice_by_partial_name_and_tie_asked_back()
        => Ask(new ChoicePrompt("s", Recognizers().Choice), Q("Title?", "First Secretary", "Second Secretary", "Counsellor"))
            .AssertReplyContains("Title?")
            .Send("secretary").AssertReply("Did you mean First Secretary or Second Secretary?")
            .Send("2nd secretary").AssertReply("= Second Secretary")
            .StartTestAsync();

    [Fact]
    public Task Multi_choice_names_the_parts_it_could_not_place()
        => Ask(new MultiChoicePrompt("m", Recognizers().Choices), Q("Sessions ?", "Session 1: approaches", "Session 2: remittances", "Session 3: initiatives"), "fr-FR")
            .AssertReplyContains("1. Session 1: approaches")
            .Send("1 et 7").AssertReply("Je n'ai pas reconnu « 7 ».").AssertReplyContains("Sessions ?")
            .Send("la première et la troisième").AssertReply("= Session 1: approaches + Session 3: initiatives")
            .StartTestAsync();

    [Fact]
    public Task Number_words_in_french()
        => Ask(new NumberPrompt<int>("n", Recognizers().Number), Q("Combien ?"), "fr-FR").AssertReply("Combien ?")
            .Send("quatre-vingt-dix-sept").AssertReply("= 97").StartTestAsync();
}
