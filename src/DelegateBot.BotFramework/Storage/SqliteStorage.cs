using Microsoft.Data.Sqlite;

namespace DelegateBot.BotFramework.Storage;

/// <summary>
/// IStorage on a SQLite file, with the same contract as <see cref="MemoryStorage"/>. The ETag check is part of
/// the SQL statement (UPDATE ... WHERE etag = @e), so two processes or threads cannot both win a race. Items may
/// carry an expiry (unix milliseconds, indexed) for <see cref="DeleteExpiredAsync"/>.
/// </summary>
public sealed class SqliteStorage : IExpiringStorage
{
    private readonly string _connectionString;

    // SQLite has one writer at a time; writers of this process queue here, asynchronously, instead of meeting in
    // SQLite's busy handler, which blocks a thread and sleeps in steps of up to 100 ms (seen under load: most of a
    // turn's time). Other processes sharing the file still meet there (busy_timeout).
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteStorage(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = full, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        // WAL lets readers proceed while one writer commits; the schema is created on first start.
        command.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS items (key TEXT PRIMARY KEY NOT NULL, json TEXT NOT NULL, etag TEXT NOT NULL, expires_at INTEGER NULL);
            """;
        command.ExecuteNonQuery();
        // Files created before expiries existed get the column; both statements are no-ops afterwards.
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('items') WHERE name = 'expires_at'";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            command.CommandText = "ALTER TABLE items ADD COLUMN expires_at INTEGER NULL";
            command.ExecuteNonQuery();
        }
        command.CommandText = "CREATE INDEX IF NOT EXISTS items_expires_at ON items (expires_at) WHERE expires_at IS NOT NULL";
        command.ExecuteNonQuery();
    }

    public string FilePath => new SqliteConnectionStringBuilder(_connectionString).DataSource;

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout=30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        IDictionary<string, object> result = new Dictionary<string, object>(StringComparer.Ordinal);
        if (keys.Length == 0) return result;
        await using var connection = Open();
        foreach (var key in keys.Distinct())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT json, etag FROM items WHERE key = @k";
            command.Parameters.AddWithValue("@k", key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                result[key] = StorageJson.WithETag(reader.GetString(0), reader.GetString(1));
        }
        return result;
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        => WriteAsync(changes, (long?)null, cancellationToken);

    public Task WriteAsync(IDictionary<string, object> changes, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
        => WriteAsync(changes, expiresAt.ToUnixTimeMilliseconds(), cancellationToken);

    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = Open();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM items WHERE expires_at IS NOT NULL AND expires_at <= @now";
            command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task WriteAsync(IDictionary<string, object> changes, long? expiresAt, CancellationToken cancellationToken)
    {
        if (changes.Count == 0) return;
        var newTags = new Dictionary<string, string>(StringComparer.Ordinal);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = Open();
            // BEGIN IMMEDIATE (the default here): the batch is all-or-nothing and serialised against other writers.
            await using var transaction = connection.BeginTransaction();
            foreach (var (key, value) in changes)
            {
                var expected = StorageJson.GetETag(value);
                var etag = Guid.NewGuid().ToString("N");
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = expected switch
                {
                    null or "*" => "INSERT INTO items (key, json, etag, expires_at) VALUES (@k, @j, @n, @x) ON CONFLICT(key) DO UPDATE SET json = excluded.json, etag = excluded.etag, expires_at = excluded.expires_at",
                    "" => "INSERT INTO items (key, json, etag, expires_at) VALUES (@k, @j, @n, @x) ON CONFLICT(key) DO NOTHING",
                    _ => "UPDATE items SET json = @j, etag = @n, expires_at = @x WHERE key = @k AND etag = @e",
                };
                command.Parameters.AddWithValue("@x", expiresAt.HasValue ? expiresAt.Value : DBNull.Value);
                command.Parameters.AddWithValue("@k", key);
                command.Parameters.AddWithValue("@j", StorageJson.Serialize(value));
                command.Parameters.AddWithValue("@n", etag);
                command.Parameters.AddWithValue("@e", expected ?? string.Empty);
                var rows = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                if (rows != 1) throw new StorageConcurrencyException(key); // disposing the transaction rolls back
                newTags[key] = etag;
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
        foreach (var (key, value) in changes) StorageJson.SetETag(value, newTags[key]);
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = Open();
            foreach (var key in keys)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "DELETE FROM items WHERE key = @k";
                command.Parameters.AddWithValue("@k", key);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
