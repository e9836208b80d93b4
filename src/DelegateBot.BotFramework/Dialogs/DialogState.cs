using System.Text.Json.Nodes;

namespace DelegateBot.BotFramework.Dialogs;

/// <summary>
/// The persisted dialog stack (SDK: DialogState), stored as a conversation state property. The top of
/// the stack is index 0, as in the SDK.
/// </summary>
public sealed class DialogState
{
    public DialogState()
    {
    }

    public DialogState(List<DialogInstance> stack) => DialogStack = stack;

    public List<DialogInstance> DialogStack { get; set; } = [];
}

/// <summary>
/// One dialog on the stack (SDK: DialogInstance). <see cref="State"/> is plain JSON rather than the SDK's
/// dictionary of objects, so a stack read back from storage behaves exactly like the one written: nothing
/// live can hide in it, and values never change type between turns.
/// </summary>
public sealed class DialogInstance
{
    public string Id { get; set; } = string.Empty;

    public JsonObject State { get; set; } = [];

    /// <summary>
    /// <see cref="Dialog.GetVersion"/> of the dialog when this instance began (not in the SDK). A stack whose
    /// versions no longer match the deployed dialogs is discarded instead of being continued.
    /// </summary>
    public string? Version { get; set; }
}
