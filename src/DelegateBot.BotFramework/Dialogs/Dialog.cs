using DelegateBot.BotFramework.Builder;

namespace DelegateBot.BotFramework.Dialogs;

/// <summary>
/// A unit of conversation that can span turns (SDK: Dialog). Its state lives in its
/// <see cref="DialogInstance"/> on the stack, never in fields: the same dialog object serves every
/// conversation at once.
/// </summary>
public abstract class Dialog
{
    /// <summary>Returned by a dialog that waits for the user's next message.</summary>
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);

    protected Dialog(string dialogId)
    {
        if (string.IsNullOrWhiteSpace(dialogId)) throw new ArgumentException("A dialog needs an id.", nameof(dialogId));
        Id = dialogId;
    }

    public string Id { get; }

    /// <summary>Starts the dialog; it is already on top of the stack (dc.ActiveDialog).</summary>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default);

    /// <summary>The user sent something while this dialog is active. The default ends the dialog.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
        => dc.EndDialogAsync(null, cancellationToken);

    /// <summary>A child dialog ended with <paramref name="result"/>. The default ends this dialog with it.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
        => dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Asks the user again (after an interruption such as "help").</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
        => Task.CompletedTask;

    /// <summary>Called as the dialog leaves the stack, whether it ended, was replaced or cancelled.</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
        => Task.CompletedTask;

    /// <summary>
    /// Identifies the dialog's shape: a persisted instance begun under another version is not continued
    /// (see <see cref="DialogInstance.Version"/>). Override when the definition can change without the id.
    /// </summary>
    public virtual string GetVersion() => Id;

    /// <summary>Checks the state a persisted instance holds (a component's inner stack); null when usable.</summary>
    protected internal virtual DialogStackReset? CheckPersistedState(DialogInstance instance) => null;
}
