using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Dialogs.Prompts;

namespace DelegateBot.BotFramework.Dialogs;

/// <summary>A dialog stack during one turn: begin, continue, end, replace and cancel dialogs (SDK: DialogContext).</summary>
public class DialogContext
{
    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state)
    {
        Dialogs = dialogs ?? throw new ArgumentNullException(nameof(dialogs));
        Context = turnContext ?? throw new ArgumentNullException(nameof(turnContext));
        Stack = (state ?? throw new ArgumentNullException(nameof(state))).DialogStack;
    }

    public DialogSet Dialogs { get; }
    public ITurnContext Context { get; }

    /// <summary>The stack, top first.</summary>
    public List<DialogInstance> Stack { get; }

    /// <summary>The context of the component that owns this stack, if any: dialogs not found here are looked up there.</summary>
    public DialogContext? Parent { get; set; }

    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        var dialog = FindDialog(dialogId) ?? throw new DialogStackException(dialogId, $"BeginDialogAsync: no dialog with the id '{dialogId}' was found.");
        Stack.Insert(0, new DialogInstance { Id = dialogId, Version = dialog.GetVersion() });
        return await dialog.BeginDialogAsync(this, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Begins a prompt with its options (SDK: PromptAsync).</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
        => BeginDialogAsync(dialogId, options ?? throw new ArgumentNullException(nameof(options)), cancellationToken);

    /// <summary>Hands the turn to the active dialog; <see cref="DialogTurnStatus.Empty"/> when there is none.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } instance) return new DialogTurnResult(DialogTurnStatus.Empty);
        var dialog = FindDialog(instance.Id) ?? throw new DialogStackException(instance.Id, $"ContinueDialogAsync: the active dialog '{instance.Id}' was not found.");
        return await dialog.ContinueDialogAsync(this, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the active dialog and resumes its parent with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken).ConfigureAwait(false);
        if (ActiveDialog is not { } parent) return new DialogTurnResult(DialogTurnStatus.Complete, result);
        var dialog = FindDialog(parent.Id) ?? throw new DialogStackException(parent.Id, $"EndDialogAsync: the parent dialog '{parent.Id}' was not found.");
        return await dialog.ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends every dialog on this stack (each is told it was cancelled).</summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0) return new DialogTurnResult(DialogTurnStatus.Empty);
        while (Stack.Count > 0) await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken).ConfigureAwait(false);
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Ends the active dialog and begins another in its place (loops, restarts).</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken).ConfigureAwait(false);
        return await BeginDialogAsync(dialogId, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks the active dialog to repeat its question.</summary>
    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } instance) return;
        var dialog = FindDialog(instance.Id) ?? throw new DialogStackException(instance.Id, $"RepromptDialogAsync: the active dialog '{instance.Id}' was not found.");
        await dialog.RepromptDialogAsync(Context, instance, cancellationToken).ConfigureAwait(false);
    }

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } instance) return;
        if (FindDialog(instance.Id) is { } dialog) await dialog.EndDialogAsync(Context, instance, reason, cancellationToken).ConfigureAwait(false);
        Stack.RemoveAt(0);
    }
}

/// <summary>The stack names a dialog that is not (or no longer) registered.</summary>
public sealed class DialogStackException(string dialogId, string message) : InvalidOperationException(message)
{
    public string DialogId { get; } = dialogId;
}
