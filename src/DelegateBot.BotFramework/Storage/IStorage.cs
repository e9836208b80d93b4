namespace DelegateBot.BotFramework.Storage;

/// <summary>
/// Key/value storage for bot state (SDK: IStorage). Values that implement <see cref="IStoreItem"/> get
/// optimistic concurrency: a write whose ETag no longer matches throws <see cref="StorageConcurrencyException"/>;
/// ETag "*" (or none) overwrites; ETag "" means the item must not exist yet.
/// </summary>
public interface IStorage
{
    Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default);
    Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default);
    Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default);
}

public interface IStoreItem
{
    string? ETag { get; set; }
}

/// <summary>Raised when a write loses an optimistic-concurrency race.</summary>
public sealed class StorageConcurrencyException(string key)
    : Exception($"The item '{key}' was changed by another writer (ETag mismatch).")
{
    public string Key { get; } = key;
}

/// <summary>
/// A storage whose items may be given a lifetime (redelivery records, which are worthless after an hour).
/// Expired items stay readable until <see cref="DeleteExpiredAsync"/> removes them; the host's sweeper calls it
/// periodically. Items written through <see cref="IStorage.WriteAsync"/> never expire.
/// </summary>
public interface IExpiringStorage : IStorage
{
    /// <summary>Writes like <see cref="IStorage.WriteAsync"/> (same ETag rules), the items expiring at <paramref name="expiresAt"/>.</summary>
    Task WriteAsync(IDictionary<string, object> changes, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Deletes every item whose expiry is at or before <paramref name="now"/>; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
