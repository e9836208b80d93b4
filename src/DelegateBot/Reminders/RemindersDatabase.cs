using System.Data.Common;
using System.Globalization;
using DelegateBot.Bot;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DelegateBot.Reminders;

/// <summary>Section "Reminders:Database": where subscriptions and the delivery ledger live.</summary>
public sealed class RemindersDatabaseOptions
{
    public const string Section = "Reminders:Database";

    /// <summary>The SQLite file; by default reminders.db next to the bot's state database (Storage:SqlitePath), i.e. data/reminders.db.</summary>
    public string? SqlitePath { get; set; }

    /// <summary>Reminders:Database:SqlitePath, else reminders.db in the folder of Storage:SqlitePath (default data/).</summary>
    public static string PathFrom(IConfiguration configuration)
    {
        var configured = configuration[$"{Section}:SqlitePath"];
        return string.IsNullOrWhiteSpace(configured) ? BotStorageOptions.BesideStateDatabase(configuration, "reminders.db") : configured;
    }
}

/// <summary>
/// The reminders' database: subscriptions (one row per conversation), muted meetings, broadcasts and the delivery
/// ledger (one row per broadcast and conversation). The SQL is plain (TEXT ids, ISO-8601 UTC timestamps that sort
/// as text, INSERT ... ON CONFLICT, UPDATE with its own WHERE re-check) so it runs on PostgreSQL as well; the code
/// speaks System.Data.Common, so another provider is a different connection factory.
/// </summary>
public sealed class RemindersDatabase
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS subscriptions (
            conversation_key TEXT PRIMARY KEY NOT NULL,
            channel_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            service_url TEXT NOT NULL,
            reference_json TEXT NOT NULL,
            user_key TEXT,
            is_group INTEGER NOT NULL,
            vouched INTEGER NOT NULL,
            mode TEXT NOT NULL,
            locale TEXT,
            stopped_at TEXT,
            inactive_at TEXT,
            inactive_reason TEXT,
            created_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_subscriptions_user ON subscriptions (user_key);
        CREATE TABLE IF NOT EXISTS subscription_mutes (
            conversation_key TEXT NOT NULL,
            meeting_id TEXT NOT NULL,
            muted_at TEXT NOT NULL,
            PRIMARY KEY (conversation_key, meeting_id)
        );
        CREATE TABLE IF NOT EXISTS broadcasts (
            id TEXT PRIMARY KEY NOT NULL,
            broadcast_key TEXT NOT NULL UNIQUE,
            audience_kind TEXT NOT NULL,
            meeting_id TEXT,
            session_id TEXT,
            summary TEXT,
            message_json TEXT NOT NULL,
            requested_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            recipients INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_broadcasts_created ON broadcasts (created_at);
        CREATE TABLE IF NOT EXISTS deliveries (
            broadcast_id TEXT NOT NULL,
            conversation_key TEXT NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            interrupted INTEGER NOT NULL,
            next_attempt_at TEXT NOT NULL,
            owner TEXT,
            lease_until TEXT,
            last_error TEXT,
            activity_id TEXT,
            sent_at TEXT,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (broadcast_id, conversation_key)
        );
        CREATE INDEX IF NOT EXISTS ix_deliveries_due ON deliveries (status, next_attempt_at);
        """;

    private readonly string _connectionString;

    // One writer at a time in SQLite: this process's writers (every turn's subscriber record, the delivery worker's
    // claims and outcomes) queue here asynchronously instead of meeting in SQLite's busy handler, which blocks a
    // thread and sleeps in steps of up to 100 ms. Other processes (the CLI, another instance) still meet there.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public RemindersDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, DefaultTimeout = 30 }.ToString();
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // WAL: readers (reports, the CLI) never wait for the worker's writes.
        command.CommandText = "PRAGMA journal_mode=WAL;" + Schema;
        command.ExecuteNonQuery();
    }

    public string FilePath { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();
        // Another process (the CLI, a second instance) may hold the write lock for a moment. In WAL mode, NORMAL
        // still survives a killed process (what the ledger must survive); only a power cut could lose the last commits.
        pragma.CommandText = "PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one transaction, committed when it returns (it must not call back into this class).</summary>
    public async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var result = await work(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        finally { _writeGate.Release(); }
    }

    /// <summary>A statement that writes (INSERT, UPDATE, DELETE); reads go through <see cref="QueryAsync"/>.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            return await Sql.ExecuteAsync(connection, null, sql, cancellationToken, parameters).ConfigureAwait(false);
        }
        finally { _writeGate.Release(); }
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await Sql.QueryAsync(connection, null, sql, read, cancellationToken, parameters).ConfigureAwait(false);
    }
}

/// <summary>Parameterised commands on any ADO.NET connection, and the ledger's timestamp format.</summary>
public static class Sql
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<List<T>> QueryAsync<T>(DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) list.Add(read(reader));
        return list;
    }

    /// <summary>Fixed width, so that text order is time order (on SQLite and PostgreSQL alike).</summary>
    public static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    public static DateTimeOffset? TimeOrNull(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : ParseTime(reader.GetString(i));

    /// <summary>An integer column, or an aggregate (SUM over no rows is NULL: 0); the provider's integer type may be long.</summary>
    public static int Int(DbDataReader reader, int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);
}

public static class RemindersDatabaseServiceCollectionExtensions
{
    /// <summary>The reminders database (Reminders:Database:SqlitePath), resolved when first used so late settings (tests, environment) count.</summary>
    public static IServiceCollection AddRemindersDatabase(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new RemindersDatabase(RemindersDatabaseOptions.PathFrom(sp.GetRequiredService<IConfiguration>())));
        return services;
    }
}
