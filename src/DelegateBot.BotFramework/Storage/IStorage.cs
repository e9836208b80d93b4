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
