using DelegateBot.BotFramework.Dialogs;
using DelegateBot.BotFramework.Dialogs.Prompts;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.BotFramework.Tests.Dialogs;

public class ComponentDialogTests
{
    /// <summary>The SDK's "cancel and help" pattern: interruptions are handled before the inner dialogs see the text.</summary>
    private sealed class CancelAndHelp : ComponentDialog
    {
        public CancelAndHelp() : base("form")
        {
            AddDialog(new WaterfallDialog("steps", [
                (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Activity.CreateMessageActivity("Your title?") }, ct),
                (step, ct) => step.PromptAsync("confirm", new PromptOptions { Prompt = Activity.CreateMessageActivity($"{step.Result}, right?") }, ct),
                (step, ct) => step.EndDialogAsync((bool)step.Result! ? "confirmed" : "not confirmed", ct),
            ]));
            AddDialog(new TextPrompt("text"));
            AddDialog(new ConfirmPrompt("confirm", TestRecognizers.YesNo));
        }

        protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
        {
            switch (innerDc.Context.Activity.Text?.Trim().ToLowerInvariant())
            {
                case "help":
                    await innerDc.Context.SendActivityAsync("I am collecting your details.", cancellationToken);
                    await innerDc.RepromptDialogAsync(cancellationToken);
                    return EndOfTurn;
                case "cancel":
                    await innerDc.Context.SendActivityAsync("Cancelled.", cancellationToken);
                    return await innerDc.CancelAllDialogsAsync(cancellationToken);
                default:
                    return await base.OnContinueDialogAsync(innerDc, cancellationToken);
            }
        }
    }

    [Fact]
    public async Task Help_answers_and_reasks_the_same_question()
    {
        var harness = new DialogHarness(new CancelAndHelp());
        await harness.Flow()
            .Send("start").AssertReply("Your title?")
            .Send("help").AssertReply("I am collecting your details.").AssertReply("Your title?")
            .Send("Counsellor").AssertReplyContains("Counsellor, right?")
            .Send("help").AssertReply("I am collecting your details.").AssertReplyContains("Counsellor, right?")
            .Send("yes").AssertReply("Done: confirmed")
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_empties_the_stack_and_reports_cancelled()
    {
        var harness = new DialogHarness(new CancelAndHelp());
        await harness.Flow()
            .Send("start").AssertReply("Your title?")
            .Send("cancel").AssertReply("Cancelled.").AssertNoReply()
            .StartTestAsync();
        Assert.Equal(DialogTurnStatus.Cancelled, harness.Results[^1].Status);
        Assert.DoesNotContain("form", await harness.StoredJsonAsync());

        // The next message starts over.
        await harness.Flow().Send("again").AssertReply("Your title?").StartTestAsync();
    }

    [Fact]
    public async Task Cancelling_the_outer_stack_cancels_the_inner_dialogs()
    {
        var ended = new List<DialogReason>();
        var component = new ComponentDialog("outer");
        component.AddDialog(new Recording("inner", ended));
        var harness = new DialogHarness(new Canceller(component));
        await harness.Flow().Send("start").AssertReply("waiting").Send("stop").AssertReply("stopped").StartTestAsync();
        Assert.Equal([DialogReason.CancelCalled], ended);
    }

    [Fact]
    public void Version_covers_the_inner_dialogs()
    {
        var a = new ComponentDialog("c");
        a.AddDialog(new TextPrompt("one"));
        var b = new ComponentDialog("c");
        b.AddDialog(new TextPrompt("one"));
        Assert.Equal(a.GetVersion(), b.GetVersion());
        b.AddDialog(new TextPrompt("two"));
        Assert.NotEqual(a.GetVersion(), b.GetVersion());
    }

    /// <summary>Waits for ever, and records how it ended.</summary>
    private sealed class Recording(string id, List<DialogReason> ended) : Dialog(id)
    {
        public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
        {
            await dc.Context.SendActivityAsync("waiting", cancellationToken);
            return EndOfTurn;
        }

        public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default) => Task.FromResult(EndOfTurn);

        public override Task EndDialogAsync(DelegateBot.BotFramework.Builder.ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        {
            ended.Add(reason);
            return Task.CompletedTask;
        }
    }

    /// <summary>A root whose "stop" cancels everything below it, from outside the component.</summary>
    private sealed class Canceller : ComponentDialog
    {
        public Canceller(Dialog child) : base("root") => AddDialog(child);

        protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
        {
            if (innerDc.Context.Activity.Text != "stop") return await base.OnContinueDialogAsync(innerDc, cancellationToken);
            await innerDc.Context.SendActivityAsync("stopped", cancellationToken);
            return await innerDc.CancelAllDialogsAsync(cancellationToken);
        }
    }
}
