namespace DelegateBot.BotFramework.Dialogs;

/// <summary>Where the dialog stack stands after a turn (SDK: DialogTurnStatus).</summary>
public enum DialogTurnStatus
{
    /// <summary>No dialog was active.</summary>
    Empty,
    /// <summary>The active dialog waits for the user's next message.</summary>
    Waiting,
    /// <summary>The last dialog on the stack ended; <see cref="DialogTurnResult.Result"/> holds its result.</summary>
    Complete,
    /// <summary>The stack was cancelled.</summary>
    Cancelled,
}

/// <summary>Why a dialog is being ended or resumed (SDK: DialogReason).</summary>
public enum DialogReason
{
    BeginCalled,
    ContinueCalled,
    EndCalled,
    ReplaceCalled,
    CancelCalled,
    NextCalled,
}

/// <summary>The outcome of a dialog operation (SDK: DialogTurnResult).</summary>
public sealed class DialogTurnResult(DialogTurnStatus status, object? result = null)
{
    public DialogTurnStatus Status { get; } = status;

    /// <summary>The value the ended dialog returned. Lives for this turn only; it is never persisted.</summary>
    public object? Result { get; } = result;

    /// <summary>
    /// Set by <see cref="DialogExtensions.RunAsync(Dialog, Builder.ITurnContext, Builder.IStatePropertyAccessor{DialogState}, CancellationToken)"/>
    /// when the persisted stack no longer matched the deployed dialogs and was cleared this turn (not in the SDK).
    /// </summary>
    public DialogStackReset? StackReset { get; init; }
}

/// <summary>Why a persisted dialog stack was discarded: the dialog is gone, changed, or its state is unreadable.</summary>
public enum DialogStackResetReason
{
    DialogMissing,
    DialogChanged,
    StateUnreadable,
}

/// <summary>A persisted stack the run helper discarded (see <see cref="DialogTurnResult.StackReset"/>).</summary>
public sealed record DialogStackReset(string? DialogId, DialogStackResetReason Reason, string Detail);
