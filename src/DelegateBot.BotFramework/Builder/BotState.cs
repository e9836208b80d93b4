using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Schema;
using DelegateBot.BotFramework.Storage;

namespace DelegateBot.BotFramework.Builder;

/// <summary>A typed property of a bot state scope (SDK: IStatePropertyAccessor).</summary>
public interface IStatePropertyAccessor<T>
{
    string Name { get; }
    Task<T> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default);
    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default);
    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}

/// <summary>
/// A scope of state (conversation, user) loaded once per turn and saved when it changed (SDK: BotState).
/// Unlike the SDK, saves carry the ETag they loaded with, so a concurrent writer is detected
/// (<see cref="StorageConcurrencyException"/>) instead of silently overwritten.
/// </summary>
public abstract class BotState(IStorage storage, string contextServiceKey)
{
    private readonly IStorage _storage = storage ?? throw new ArgumentNullException(nameof(storage));

    public IStatePropertyAccessor<T> CreateProperty<T>(string name) => new PropertyAccessor<T>(this, name);

    /// <summary>The storage key of this scope for the turn's activity.</summary>
    public abstract string GetStorageKey(ITurnContext turnContext);

    public async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        var cached = turnContext.TurnState.Get<CachedState>(contextServiceKey);
        if (cached != null && !force) return;
        var key = GetStorageKey(turnContext);
        var items = await _storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        var stored = items.TryGetValue(key, out var value)
            ? value as JsonObject ?? JsonSerializer.SerializeToNode(value, BotJson.Options) as JsonObject ?? new JsonObject()
            : new JsonObject();
        var etag = stored.TryGetPropertyValue(StorageJson.ETagProperty, out var e) ? e?.GetValue<string>() : null;
        stored.Remove(StorageJson.ETagProperty);
        turnContext.TurnState[contextServiceKey] = new CachedState(stored, etag);
    }

    public async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        var cached = turnContext.TurnState.Get<CachedState>(contextServiceKey);
        if (cached is null) return;
        cached.Flush();
        var hash = cached.ComputeHash();
        if (!force && hash == cached.Hash) return;

        var document = (JsonObject)cached.State.DeepClone();
        // A scope never saved before must not exist yet: "" makes a racing first write fail too.
        document[StorageJson.ETagProperty] = cached.ETag ?? string.Empty;
        if (force) document[StorageJson.ETagProperty] = "*";
        await _storage.WriteAsync(new Dictionary<string, object> { [GetStorageKey(turnContext)] = document }, cancellationToken).ConfigureAwait(false);
        cached.ETag = document[StorageJson.ETagProperty]?.GetValue<string>();
        cached.Hash = hash;
    }

    /// <summary>Empties the scope for this turn; the empty state is written at the next save.</summary>
    public Task ClearStateAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var cached = turnContext.TurnState.Get<CachedState>(contextServiceKey);
        var etag = cached?.ETag;
        turnContext.TurnState[contextServiceKey] = new CachedState(new JsonObject(), etag) { Hash = "cleared" };
        return Task.CompletedTask;
    }

    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        turnContext.TurnState.Remove(contextServiceKey);
        await _storage.DeleteAsync([GetStorageKey(turnContext)], cancellationToken).ConfigureAwait(false);
    }

    private async Task<CachedState> GetCachedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        return turnContext.TurnState.Get<CachedState>(contextServiceKey)!;
    }

    /// <summary>The scope's JSON plus the typed objects handed out this turn (written back on save).</summary>
    private sealed class CachedState
    {
        public CachedState(JsonObject state, string? etag)
        {
            State = state;
            ETag = etag;
            Hash = ComputeHash();
        }

        public JsonObject State { get; }
        public string? ETag { get; set; }
        public string Hash { get; set; }
        public Dictionary<string, object?> Typed { get; } = new(StringComparer.Ordinal);

        public void Flush()
        {
            foreach (var (name, value) in Typed)
                State[name] = value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), BotJson.Options);
        }

        public string ComputeHash()
            => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(State.ToJsonString())));
    }

    private sealed class PropertyAccessor<T>(BotState state, string name) : IStatePropertyAccessor<T>
    {
        public string Name => name;

        public async Task<T> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default)
        {
            var cached = await state.GetCachedAsync(turnContext, cancellationToken).ConfigureAwait(false);
            if (cached.Typed.TryGetValue(name, out var typed) && typed is T t) return t;
            if (cached.State.TryGetPropertyValue(name, out var node) && node != null)
            {
                var value = node.Deserialize<T>(BotJson.Options)!;
                cached.Typed[name] = value;
                return value;
            }
            if (defaultValueFactory is null) return default!;
            var created = defaultValueFactory();
            cached.Typed[name] = created;
            return created;
        }

        public async Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default)
        {
            var cached = await state.GetCachedAsync(turnContext, cancellationToken).ConfigureAwait(false);
            cached.Typed[name] = value;
        }

        public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            var cached = await state.GetCachedAsync(turnContext, cancellationToken).ConfigureAwait(false);
            cached.Typed.Remove(name);
            cached.State.Remove(name);
        }
    }
}

/// <summary>State shared by everyone in a conversation. Key: {channelId}/conversations/{conversationId}.</summary>
public sealed class ConversationState(IStorage storage) : BotState(storage, nameof(ConversationState))
{
    public override string GetStorageKey(ITurnContext turnContext)
    {
        var a = turnContext.Activity;
        var channel = a.ChannelId ?? throw new InvalidOperationException("The activity has no channelId.");
        var conversation = a.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id.");
        return $"{channel}/conversations/{conversation}";
    }
}

/// <summary>State of one user across conversations. Key: {channelId}/users/{userId}.</summary>
public sealed class UserState(IStorage storage) : BotState(storage, nameof(UserState))
{
    public override string GetStorageKey(ITurnContext turnContext)
    {
        var a = turnContext.Activity;
        var channel = a.ChannelId ?? throw new InvalidOperationException("The activity has no channelId.");
        var user = a.From?.Id ?? throw new InvalidOperationException("The activity has no from.id.");
        return $"{channel}/users/{user}";
    }
}
