using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Dialogs;
using DelegateBot.BotFramework.Dialogs.Prompts;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.BotFramework.Tests.Dialogs;

public class WaterfallDialogTests
{
    /// <summary>Name, then age, then a summary: two prompts inside a component.</summary>
    private static ComponentDialog NameAndAge(string id = "profile")
    {
        var component = new ComponentDialog(id);
        component.AddDialog(new WaterfallDialog("steps", [AskName, AskAge, Finish]));
        component.AddDialog(new TextPrompt("text"));
        component.AddDialog(new NumberPrompt<int>("number", TestRecognizers.Number));
        return component;

        static Task<DialogTurnResult> AskName(WaterfallStepContext step, CancellationToken ct)
            => step.PromptAsync("text", new PromptOptions { Prompt = Activity.CreateMessageActivity("What is your name?") }, ct);

        static Task<DialogTurnResult> AskAge(WaterfallStepContext step, CancellationToken ct)
        {
            step.Values["name"] = (string)step.Result!;
            return step.PromptAsync("number", new PromptOptions
            {
                Prompt = Activity.CreateMessageActivity($"How old are you, {step.Result}?"),
                RetryPrompt = Activity.CreateMessageActivity("Please give your age in digits."),
            }, ct);
        }

        static Task<DialogTurnResult> Finish(WaterfallStepContext step, CancellationToken ct)
            => step.EndDialogAsync($"{step.Values["name"]!.GetValue<string>()} is {(int)step.Result!}", ct);
    }

    [Fact]
    public async Task Runs_step_by_step_across_turns_read_back_from_storage()
    {
        var harness = new DialogHarness(NameAndAge());
        await harness.Flow()
            .Send("hi").AssertReply("What is your name?")
            .Send("Amina").AssertReply("How old are you, Amina?")
            .Send("forty").AssertReply("\"forty\" is not a number.").AssertReply("Please give your age in digits.")
            .Send("41.5").AssertReply("Please give your age in digits.")
            .Send("41").AssertReply("Done: Amina is 41")
            .StartTestAsync();
        Assert.Equal(DialogTurnStatus.Complete, harness.Results[^1].Status);
        Assert.Equal("Amina is 41", harness.Results[^1].Result);
    }

    [Fact]
    public async Task Persists_the_sdk_keys_as_plain_json()
    {
        var harness = new DialogHarness(NameAndAge());
        await harness.Flow().Send("hi").AssertReply("What is your name?").Send("Amina").AssertReply("How old are you, Amina?").StartTestAsync();

        var stored = JsonNode.Parse(await harness.StoredJsonAsync())!;
        var outer = stored["DialogState"]!["dialogStack"]!.AsArray();
        Assert.Equal("profile", Assert.Single(outer)!["id"]!.GetValue<string>());
        var inner = outer[0]!["state"]![ComponentDialog.PersistedDialogState]!["dialogStack"]!.AsArray();
        Assert.Equal(["number", "steps"], inner.Select(i => i!["id"]!.GetValue<string>()));
        var waterfall = inner[1]!["state"]!;
        Assert.Equal(1, waterfall[WaterfallDialog.StepIndex]!.GetValue<int>());
        Assert.Equal("Amina", waterfall[WaterfallDialog.PersistedValues]!["name"]!.GetValue<string>());
        Assert.True(Guid.TryParse(waterfall[WaterfallDialog.PersistedInstanceId]!.GetValue<string>(), out _));
        Assert.True(waterfall.AsObject().ContainsKey(WaterfallDialog.PersistedOptions));
        var prompt = inner[0]!["state"]!;
        Assert.Equal("How old are you, Amina?", prompt["options"]!["prompt"]!["text"]!.GetValue<string>());
        Assert.Equal(0, prompt["state"]![Prompt<int>.AttemptCountKey]!.GetValue<int>());
    }

    [Fact]
    public async Task A_restarted_service_continues_where_the_user_was()
    {
        var harness = new DialogHarness(NameAndAge());
        await harness.Flow()
            .Send("hi").AssertReply("What is your name?")
            .Send("Amina").AssertReply("How old are you, Amina?")
            .Do(() => { harness.Redeploy(NameAndAge()); return Task.CompletedTask; }) // same dialogs, new process
            .Send("41").AssertReply("Done: Amina is 41")
            .StartTestAsync();
        Assert.Empty(harness.Resets);
    }

    [Fact]
    public async Task Options_are_given_to_the_steps_as_json()
    {
        var dialog = new WaterfallDialog("greet", [
            (step, ct) => step.NextAsync(step.GetOptions<GreetOptions>()!.Name, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"Hello {step.Result}", ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]);
        var harness = new DialogHarness(new Starter(dialog, new GreetOptions { Name = "Sarah" }));
        await harness.Flow().Send("hi").AssertReply("Hello Sarah").StartTestAsync();
    }

    [Fact]
    public async Task Next_can_only_be_called_once_per_step()
    {
        var dialog = new WaterfallDialog("twice", [
            async (step, ct) =>
            {
                await step.NextAsync(null, ct);
                return await step.NextAsync(null, ct);
            },
            (step, ct) => Task.FromResult(Dialog.EndOfTurn),
        ]);
        var harness = new DialogHarness(dialog);
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Flow().Send("hi").StartTestAsync());
    }

    [Fact]
    public async Task A_waterfall_without_prompts_reads_the_next_message_as_the_result()
    {
        var dialog = new WaterfallDialog("echo", [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync("Say something", ct);
                return Dialog.EndOfTurn;
            },
            (step, ct) => step.EndDialogAsync($"you said {step.Result}", ct),
        ]);
        await new DialogHarness(dialog).Flow().Send("hi").AssertReply("Say something").Send("bonjour").AssertReply("Done: you said bonjour").StartTestAsync();
    }

    [Fact]
    public void Version_changes_with_the_steps()
    {
        WaterfallStep a = (s, c) => s.EndDialogAsync(null, c);
        WaterfallStep b = (s, c) => s.EndDialogAsync(1, c);
        Assert.NotEqual(new WaterfallDialog("w", [a]).GetVersion(), new WaterfallDialog("w", [a, b]).GetVersion());
        Assert.Equal(new WaterfallDialog("w", [a]).GetVersion(), new WaterfallDialog("w", [a]).GetVersion());
    }

    private sealed class GreetOptions
    {
        public string? Name { get; set; }
    }

    /// <summary>A root that begins its child with options, as a bot's main dialog would.</summary>
    private sealed class Starter : ComponentDialog
    {
        private readonly object _options;

        public Starter(Dialog child, object options) : base("starter")
        {
            _options = options;
            AddDialog(child);
        }

        protected override Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
            => base.OnBeginDialogAsync(innerDc, _options, cancellationToken);
    }
}
