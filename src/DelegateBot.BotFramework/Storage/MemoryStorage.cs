using System.Text.Json;
using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.BotFramework.Storage;

/// <summary>
/// In-process storage with the same contract as the durable ones (tests, and the CLI chat).
/// Values are kept as JSON so a read never aliases a caller's object.
/// </summary>
public sealed class MemoryStorage : IExpiringStorage
{
    private readonly Dictionary<string, (string Json, string ETag, DateTimeOffset? ExpiresAt)> _items = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _etag;

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        IDictionary<string, object> result = new Dictionary<string, object>(StringComparer.Ordinal);
        lock (_lock)
        {
            foreach (var key in keys)
            {
                if (_items.TryGetValue(key, out var item))
                    result[key] = StorageJson.WithETag(item.Json, item.ETag);
            }
        }
        return Task.FromResult(result);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) => Write(changes, null);

    public Task WriteAsync(IDictionary<string, object> changes, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) => Write(changes, expiresAt);

    private Task Write(IDictionary<string, object> changes, DateTimeOffset? expiresAt)
    {
        lock (_lock)
        {
            // Check every ETag first so a batch is all-or-nothing.
            foreach (var (key, value) in changes)
            {
                var expected = StorageJson.GetETag(value);
                if (expected is null or "*") continue;
                var exists = _items.TryGetValue(key, out var current);
                // "" means "must not exist yet" (a first save racing another first save).
                if (expected.Length == 0 ? exists : !exists || current.ETag != expected)
                    throw new StorageConcurrencyException(key);
            }
            foreach (var (key, value) in changes)
            {
                var etag = (++_etag).ToString(System.Globalization.CultureInfo.InvariantCulture);
                _items[key] = (StorageJson.Serialize(value), etag, expiresAt);
                StorageJson.SetETag(value, etag);
            }
        }
        return Task.CompletedTask;
    }

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var expired = _items.Where(i => i.Value.ExpiresAt <= now).Select(i => i.Key).ToList();
            foreach (var key in expired) _items.Remove(key);
            return Task.FromResult(expired.Count);
        }
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            foreach (var key in keys) _items.Remove(key);
        }
        return Task.CompletedTask;
    }
}

/// <summary>How storages turn values into JSON and back, and where the ETag lives.</summary>
public static class StorageJson
{
    public const string ETagProperty = "eTag";

    public static string? GetETag(object value) => value switch
    {
        IStoreItem item => item.ETag,
        JsonObject obj => obj.TryGetPropertyValue(ETagProperty, out var n) ? n?.GetValue<string>() : null,
        _ => null,
    };

    public static void SetETag(object value, string etag)
    {
        switch (value)
        {
            case IStoreItem item: item.ETag = etag; break;
            case JsonObject obj: obj[ETagProperty] = etag; break;
        }
    }

    /// <summary>Serialises a value without its ETag (the storage keeps that in its own column).</summary>
    public static string Serialize(object value)
    {
        var node = value as JsonNode ?? JsonSerializer.SerializeToNode(value, value.GetType(), BotJson.Options);
        if (node is JsonObject obj && obj.ContainsKey(ETagProperty))
        {
            obj = (JsonObject)obj.DeepClone();
            obj.Remove(ETagProperty);
            return obj.ToJsonString(BotJson.Options);
        }
        return node?.ToJsonString(BotJson.Options) ?? "null";
    }

    /// <summary>The stored JSON as a fresh JsonObject carrying its ETag.</summary>
    public static JsonObject WithETag(string json, string etag)
    {
        var obj = JsonNode.Parse(json) as JsonObject ?? new JsonObject();
        obj[ETagProperty] = etag;
        return obj;
    }

    /// <summary>Reads one item as T (ETag included when T is an IStoreItem).</summary>
    public static async Task<T?> ReadAsync<T>(this IStorage storage, string key, CancellationToken cancellationToken = default) where T : class
    {
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        if (!items.TryGetValue(key, out var value)) return null;
        return value switch
        {
            T typed => typed,
            JsonNode node => node.Deserialize<T>(BotJson.Options),
            _ => JsonSerializer.SerializeToNode(value, BotJson.Options).Deserialize<T>(BotJson.Options),
        };
    }
}
