using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace DelegateBot.BotFramework.Storage;

/// <summary>
/// IStorage on a SQLite file, with the same contract as <see cref="MemoryStorage"/>. The ETag check is part of
/// the SQL statement (UPDATE ... WHERE etag = @e), so two processes or threads cannot both win a race. Items may
/// carry an expiry (unix milliseconds, indexed) for <see cref="DeleteExpiredAsync"/>.
/// Writes are group-committed: the writes that queue while one transaction commits go together in the next one,
/// each in a savepoint of its own, so each caller's batch still succeeds or fails alone, and one fsync covers them all.
/// Expiring items (redelivery records) are committed without waiting for the disk: the WAL is sequential, so the
/// next durable commit (the turn's state, before any reply leaves) flushes them too; a crash of the process loses
/// nothing, only a power cut could lose the last few of them.
/// </summary>
public sealed class SqliteStorage : IExpiringStorage
{
    /// <summary>Writes per transaction at most, so that one commit never holds the queue for long.</summary>
    private const int MaxGroup = 128;

    private readonly string _connectionString;

    // SQLite has one writer at a time and each commit waits for the disk (fsync, ~3 ms on the benchmark machine):
    // writers of this process queue here and one committer writes whatever has queued in one transaction, instead
    // of each waiting for its own commit (or meeting in SQLite's busy handler, which sleeps in steps of up to 100 ms).
    // Other processes sharing the file still meet there (busy_timeout).
    private readonly ConcurrentQueue<PendingWrite> _queue = new();
    private int _committing;

    private readonly bool _flushCommits;

    /// <param name="flushCommits">
    /// False: no commit waits for the disk (SQLite synchronous=NORMAL in WAL mode). A killed process still loses
    /// nothing; a power cut of the machine can lose the last commits (state going back a turn, a retried activity
    /// answered again), never corrupt the file. Saves an fsync per turn (Storage:FlushEachCommit).
    /// </param>
    public SqliteStorage(string path, bool flushCommits = true)
    {
        _flushCommits = flushCommits;
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

    public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        SubmitAsync((connection, transaction) =>
        {
            using var command = Command(connection, transaction, "DELETE FROM items WHERE expires_at IS NOT NULL AND expires_at <= @now");
            command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
            return command.ExecuteNonQuery();
        }, null, durable: false, cancellationToken);

    private async Task WriteAsync(IDictionary<string, object> changes, long? expiresAt, CancellationToken cancellationToken)
    {
        if (changes.Count == 0) return;
        var newTags = new Dictionary<string, string>(StringComparer.Ordinal);
        await SubmitAsync((connection, transaction) =>
        {
            foreach (var (key, value) in changes)
            {
                var expected = StorageJson.GetETag(value);
                var etag = Guid.NewGuid().ToString("N");
                using var command = Command(connection, transaction, expected switch
                {
                    null or "*" => "INSERT INTO items (key, json, etag, expires_at) VALUES (@k, @j, @n, @x) ON CONFLICT(key) DO UPDATE SET json = excluded.json, etag = excluded.etag, expires_at = excluded.expires_at",
                    "" => "INSERT INTO items (key, json, etag, expires_at) VALUES (@k, @j, @n, @x) ON CONFLICT(key) DO NOTHING",
                    _ => "UPDATE items SET json = @j, etag = @n, expires_at = @x WHERE key = @k AND etag = @e",
                });
                command.Parameters.AddWithValue("@x", expiresAt.HasValue ? expiresAt.Value : DBNull.Value);
                command.Parameters.AddWithValue("@k", key);
                command.Parameters.AddWithValue("@j", StorageJson.Serialize(value));
                command.Parameters.AddWithValue("@n", etag);
                command.Parameters.AddWithValue("@e", expected ?? string.Empty);
                // Its savepoint is rolled back: nothing of this caller's batch is written.
                if (command.ExecuteNonQuery() != 1) throw new StorageConcurrencyException(key);
                newTags[key] = etag;
            }
            return changes.Count;
        }, () =>
        {
            foreach (var (key, value) in changes) StorageJson.SetETag(value, newTags[key]);
        }, durable: expiresAt is null, cancellationToken).ConfigureAwait(false);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
        SubmitAsync((connection, transaction) =>
        {
            foreach (var key in keys)
            {
                using var command = Command(connection, transaction, "DELETE FROM items WHERE key = @k");
                command.Parameters.AddWithValue("@k", key);
                command.ExecuteNonQuery();
            }
            return keys.Length;
        }, null, durable: true, cancellationToken);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>
    /// Queues one caller's write and waits for the transaction that carries it to commit. A caller that gives up
    /// before a committer took its write leaves nothing written; once taken, the write's outcome is awaited.
    /// </summary>
    /// <param name="durable">The commit waits for the disk (synchronous=FULL); otherwise for the WAL in the OS (NORMAL).</param>
    private async Task<int> SubmitAsync(Func<SqliteConnection, SqliteTransaction, int> apply, Action? committed, bool durable, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new PendingWrite(apply, committed, durable);
        _queue.Enqueue(write);
        if (Interlocked.CompareExchange(ref _committing, 1, 0) == 0) _ = Task.Run(CommitQueued, CancellationToken.None);
        try { return await write.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false); }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !write.TryAbandon())
        {
            return await write.Done.Task.ConfigureAwait(false); // already being written: its outcome stands
        }
    }

    /// <summary>One committer at a time writes groups until the queue is empty.</summary>
    private void CommitQueued()
    {
        while (true)
        {
            var group = new List<PendingWrite>(Math.Min(_queue.Count, MaxGroup));
            while (group.Count < MaxGroup && _queue.TryDequeue(out var write))
                if (write.TryTake()) group.Add(write);
            if (group.Count > 0) Commit(group);
            if (!_queue.IsEmpty) continue;
            Volatile.Write(ref _committing, 0);
            // A write queued after the emptiness check and before the reset found the flag still set: take it on.
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _committing, 1, 0) != 0) return;
        }
    }

    private void Commit(List<PendingWrite> group)
    {
        var outcomes = new (int Result, Exception? Error)[group.Count];
        try
        {
            using var connection = Open();
            using (var sync = connection.CreateCommand())
            {
                // One durable write makes the whole group wait for the disk (and flushes earlier non-durable frames).
                sync.CommandText = _flushCommits && group.Exists(w => w.Durable) ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";
                sync.ExecuteNonQuery();
            }
            // BEGIN IMMEDIATE (the default here): serialised against other processes' writers.
            using var transaction = connection.BeginTransaction();
            for (var i = 0; i < group.Count; i++)
            {
                transaction.Save("w");
                try
                {
                    outcomes[i] = (group[i].Apply(connection, transaction), null);
                    transaction.Release("w");
                }
                catch (Exception e) when (e is StorageConcurrencyException or System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
                {
                    transaction.Rollback("w");
                    transaction.Release("w");
                    outcomes[i] = (0, e);
                }
            }
            transaction.Commit();
        }
        catch (Exception e)
        {
            // The transaction could not be made or committed: nothing of the group was written.
            foreach (var write in group) write.Done.TrySetException(e);
            return;
        }
        for (var i = 0; i < group.Count; i++)
        {
            if (outcomes[i].Error is { } error)
            {
                group[i].Done.TrySetException(error);
                continue;
            }
            group[i].Committed?.Invoke();
            group[i].Done.TrySetResult(outcomes[i].Result);
        }
    }

    private sealed class PendingWrite(Func<SqliteConnection, SqliteTransaction, int> apply, Action? committed, bool durable)
    {
        private int _state; // 0 queued, 1 taken by the committer, 2 abandoned by its caller

        public Func<SqliteConnection, SqliteTransaction, int> Apply { get; } = apply;
        public Action? Committed { get; } = committed;
        public bool Durable { get; } = durable;
        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool TryTake() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

        public bool TryAbandon() => Interlocked.CompareExchange(ref _state, 2, 0) == 0;
    }
}
