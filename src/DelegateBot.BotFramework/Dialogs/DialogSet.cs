using System.Security.Cryptography;
using System.Text;
using DelegateBot.BotFramework.Builder;

namespace DelegateBot.BotFramework.Dialogs;

/// <summary>A set of dialogs that can call each other by id (SDK: DialogSet).</summary>
public sealed class DialogSet
{
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    /// <summary>A root set whose stack is the conversation state property <paramref name="dialogState"/>.</summary>
    public DialogSet(IStatePropertyAccessor<DialogState> dialogState)
        => _dialogState = dialogState ?? throw new ArgumentNullException(nameof(dialogState));

    /// <summary>An inner set (a component's), whose stack its owner persists.</summary>
    public DialogSet()
    {
    }

    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (_dialogs.TryGetValue(dialog.Id, out var existing))
        {
            if (ReferenceEquals(existing, dialog)) return this;
            throw new ArgumentException($"A different dialog with the id '{dialog.Id}' is already in the set.", nameof(dialog));
        }
        _dialogs[dialog.Id] = dialog;
        return this;
    }

    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    public IEnumerable<Dialog> GetDialogs() => _dialogs.Values;

    /// <summary>A hash of every dialog's version: changes when any dialog of the set changes.</summary>
    public string GetVersion()
    {
        var versions = string.Join('\n', _dialogs.Values.Select(d => d.GetVersion()).Order(StringComparer.Ordinal));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(versions)))[..16];
    }

    /// <summary>Loads this turn's stack and returns a context over it.</summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (_dialogState is null) throw new InvalidOperationException("This DialogSet was created without a state property; it belongs to a component.");
        var state = await _dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false);
        state.DialogStack ??= [];
        return new DialogContext(this, turnContext, state);
    }

    /// <summary>
    /// Finds the first persisted instance that this set can no longer run: its dialog was removed, its
    /// version changed since it began, or (for a component) its inner stack is stale. Null when all fit.
    /// </summary>
    public DialogStackReset? CheckStack(IEnumerable<DialogInstance> stack)
    {
        foreach (var instance in stack)
        {
            var dialog = Find(instance.Id);
            if (dialog is null)
                return new DialogStackReset(instance.Id, DialogStackResetReason.DialogMissing, $"The dialog '{instance.Id}' no longer exists.");
            if (instance.Version is not null && instance.Version != dialog.GetVersion())
                return new DialogStackReset(instance.Id, DialogStackResetReason.DialogChanged, $"The dialog '{instance.Id}' changed since this conversation started it.");
            if (dialog.CheckPersistedState(instance) is { } inner) return inner;
        }
        return null;
    }
}
