using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Builder;

namespace DelegateBot.BotFramework.Dialogs;

/// <summary>
/// A dialog made of dialogs, with its own inner stack persisted in its instance state under "dialogs"
/// (SDK: ComponentDialog). Override <see cref="OnContinueDialogAsync"/> to handle interruptions such as
/// "help" or "cancel" before the inner dialogs see the message.
/// </summary>
public class ComponentDialog(string dialogId) : Dialog(dialogId)
{
    public const string PersistedDialogState = "dialogs";

    /// <summary>The inner dialog begun first; defaults to the first one added.</summary>
    public string? InitialDialogId { get; set; }

    protected DialogSet Dialogs { get; } = new();

    public ComponentDialog AddDialog(Dialog dialog)
    {
        Dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext outerDc, object? options = null, CancellationToken cancellationToken = default)
    {
        var instance = outerDc.ActiveDialog!;
        var innerDc = CreateInnerContext(outerDc, new DialogState());
        var result = await RunInnerAsync(instance, innerDc, () => OnBeginDialogAsync(innerDc, options, cancellationToken)).ConfigureAwait(false);
        return await AfterInnerTurnAsync(outerDc, result, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken = default)
    {
        var instance = outerDc.ActiveDialog!;
        var innerDc = CreateInnerContext(outerDc, LoadInnerState(instance));
        var result = await RunInnerAsync(instance, innerDc, () => OnContinueDialogAsync(innerDc, cancellationToken)).ConfigureAwait(false);
        return await AfterInnerTurnAsync(outerDc, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A dialog the component called on the outer stack ended: ask again where we were.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext outerDc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        await RepromptDialogAsync(outerDc.Context, outerDc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var innerDc = new DialogContext(Dialogs, turnContext, LoadInnerState(instance));
        await RunInnerAsync(instance, innerDc, async () =>
        {
            await OnRepromptDialogAsync(turnContext, innerDc, cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }).ConfigureAwait(false);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        if (reason == DialogReason.CancelCalled)
        {
            var innerDc = new DialogContext(Dialogs, turnContext, LoadInnerState(instance));
            await RunInnerAsync(instance, innerDc, () => innerDc.CancelAllDialogsAsync(cancellationToken)).ConfigureAwait(false);
        }
        await OnEndDialogAsync(turnContext, instance, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The component's version covers every inner dialog, so changing any of them is detected.</summary>
    public override string GetVersion() => $"{Id}:{Dialogs.GetVersion()}";

    protected internal override DialogStackReset? CheckPersistedState(DialogInstance instance)
    {
        try
        {
            return Dialogs.CheckStack(LoadInnerState(instance).DialogStack);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return new DialogStackReset(Id, DialogStackResetReason.StateUnreadable, ex.Message);
        }
    }

    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
        => innerDc.BeginDialogAsync(InitialDialogId ?? throw new InvalidOperationException($"The component '{Id}' has no dialogs."), options, cancellationToken);

    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
        => innerDc.ContinueDialogAsync(cancellationToken);

    protected virtual Task OnRepromptDialogAsync(ITurnContext turnContext, DialogContext innerDc, CancellationToken cancellationToken)
        => innerDc.RepromptDialogAsync(cancellationToken);

    protected virtual Task OnEndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
        => Task.CompletedTask;

    /// <summary>The inner stack finished: end the component with its result (override to post-process).</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
        => outerDc.EndDialogAsync(result, cancellationToken);

    private async Task<DialogTurnResult> AfterInnerTurnAsync(DialogContext outerDc, DialogTurnResult inner, CancellationToken cancellationToken)
    {
        switch (inner.Status)
        {
            case DialogTurnStatus.Waiting:
                return EndOfTurn;
            case DialogTurnStatus.Cancelled:
                // Cancelling the inner stack cancels the component; the caller sees Cancelled, not Complete.
                var ended = await outerDc.EndDialogAsync(inner.Result, cancellationToken).ConfigureAwait(false);
                return ended.Status == DialogTurnStatus.Complete ? new DialogTurnResult(DialogTurnStatus.Cancelled, inner.Result) : ended;
            default:
                return await EndComponentAsync(outerDc, inner.Result, cancellationToken).ConfigureAwait(false);
        }
    }

    private DialogContext CreateInnerContext(DialogContext outerDc, DialogState state)
        => new(Dialogs, outerDc.Context, state) { Parent = outerDc };

    private static DialogState LoadInnerState(DialogInstance instance)
        => DialogJson.FromNode<DialogState>(instance.State[PersistedDialogState]) ?? new DialogState();

    /// <summary>Runs an inner operation and writes the inner stack back into the instance, even if it throws.</summary>
    private static async Task<DialogTurnResult> RunInnerAsync(DialogInstance instance, DialogContext innerDc, Func<Task<DialogTurnResult>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        finally
        {
            instance.State[PersistedDialogState] = DialogJson.ToNode(new DialogState(innerDc.Stack));
        }
    }
}
