using System.Text.Json;
using DelegateBot.BotFramework.Builder;

namespace DelegateBot.BotFramework.Dialogs;

/// <summary>Runs a dialog as the root of a conversation's stack (SDK: DialogExtensions.RunAsync).</summary>
public static class DialogExtensions
{
    /// <summary>
    /// Continues the stack persisted in <paramref name="accessor"/>, or begins <paramref name="dialog"/>
    /// when it is empty. A stack that no longer fits the deployed dialogs is discarded and the dialog
    /// begun again; see the overload with <c>onStackReset</c> to tell the user.
    /// </summary>
    public static Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default)
        => RunAsync(dialog, turnContext, accessor, null, cancellationToken);

    /// <summary>
    /// As the SDK's RunAsync, and safe across deploys: when the persisted stack names a dialog that no
    /// longer exists, one whose version changed (<see cref="Dialog.GetVersion"/>), or state that cannot be
    /// read, the stack is cleared, <paramref name="onStackReset"/> is called (to apologise to the user),
    /// and <paramref name="dialog"/> begins afresh. The result's <see cref="DialogTurnResult.StackReset"/>
    /// says it happened.
    /// </summary>
    public static async Task<DialogTurnResult> RunAsync(
        this Dialog dialog,
        ITurnContext turnContext,
        IStatePropertyAccessor<DialogState> accessor,
        Func<ITurnContext, DialogStackReset, CancellationToken, Task>? onStackReset,
        CancellationToken cancellationToken = default)
    {
        var dialogSet = new DialogSet(accessor).Add(dialog);
        DialogStackReset? reset;
        DialogContext? dc = null;
        try
        {
            dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
            reset = dialogSet.CheckStack(dc.Stack);
        }
        catch (JsonException ex)
        {
            reset = new DialogStackReset(null, DialogStackResetReason.StateUnreadable, ex.Message);
        }
        if (reset is not null) dc = await ResetAsync(dialogSet, turnContext, accessor, reset, onStackReset, cancellationToken).ConfigureAwait(false);

        DialogTurnResult result;
        try
        {
            result = await dc!.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (reset is null && ex is DialogStackException or JsonException)
        {
            // The up-front check missed it (an unversioned stack): same remedy, once.
            reset = new DialogStackReset((ex as DialogStackException)?.DialogId, ex is JsonException ? DialogStackResetReason.StateUnreadable : DialogStackResetReason.DialogMissing, ex.Message);
            dc = await ResetAsync(dialogSet, turnContext, accessor, reset, onStackReset, cancellationToken).ConfigureAwait(false);
            result = new DialogTurnResult(DialogTurnStatus.Empty);
        }
        if (result.Status == DialogTurnStatus.Empty)
            result = await dc.BeginDialogAsync(dialog.Id, null, cancellationToken).ConfigureAwait(false);
        return reset is null ? result : new DialogTurnResult(result.Status, result.Result) { StackReset = reset };
    }

    private static async Task<DialogContext> ResetAsync(DialogSet dialogSet, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, DialogStackReset reset,
        Func<ITurnContext, DialogStackReset, CancellationToken, Task>? onStackReset, CancellationToken cancellationToken)
    {
        await accessor.SetAsync(turnContext, new DialogState(), cancellationToken).ConfigureAwait(false);
        var dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (onStackReset is not null) await onStackReset(turnContext, reset, cancellationToken).ConfigureAwait(false);
        return dc;
    }
}
