using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace DelegateBot.Core.Registrations;

/// <summary>
/// Registrations in a SQLite file (schema created on start). One row per person and meeting: saving again
/// for the same chat identity or email updates that row and keeps its confirmation number. The SQL is
/// plain (TEXT columns, ISO-8601 UTC timestamps, unique indexes) so it moves to PostgreSQL as is.
/// </summary>
public sealed class RegistrationStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS registrations (
            id TEXT PRIMARY KEY NOT NULL,
            confirmation_number TEXT NOT NULL UNIQUE,
            meeting_id TEXT NOT NULL,
            user_key TEXT NOT NULL,
            channel_id TEXT,
            user_id TEXT,
            aad_object_id TEXT,
            email TEXT,
            full_name TEXT NOT NULL,
            answers_json TEXT NOT NULL,
            locale TEXT,
            status TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            cancelled_at TEXT
        );
        CREATE UNIQUE INDEX IF NOT EXISTS ux_registrations_meeting_user ON registrations (meeting_id, user_key);
        CREATE UNIQUE INDEX IF NOT EXISTS ux_registrations_meeting_email ON registrations (meeting_id, email);
        """;

    private const string Columns = "id, confirmation_number, meeting_id, user_key, channel_id, user_id, aad_object_id, email, full_name, answers_json, locale, status, created_at, updated_at, cancelled_at";

    // No 0/O, 1/I/L: confirmation numbers are read out on the phone.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public RegistrationStore(string databasePath, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _time = time;
        var full = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        FilePath = full;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = full, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;" + Schema;
        command.ExecuteNonQuery();
    }

    public string FilePath { get; }

    /// <summary>Saves a registration, updating the person's earlier one for the meeting if there is one.</summary>
    public async Task<RegistrationSaveResult> SaveAsync(RegistrationRequest request, CancellationToken cancellationToken = default)
    {
        var who = request.Who;
        var email = NormaliseEmail(who.Email);
        var now = _time.GetUtcNow();
        var answers = JsonSerializer.Serialize(request.Answers);
        // One writer at a time in this process; the unique indexes guard against other processes.
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = Open();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var byUser = await FindOneAsync(connection, transaction, "meeting_id = @m AND user_key = @u", cancellationToken, ("@m", request.MeetingId), ("@u", who.UserKey)).ConfigureAwait(false);
            var byEmail = email is null ? null : await FindOneAsync(connection, transaction, "meeting_id = @m AND email = @e", cancellationToken, ("@m", request.MeetingId), ("@e", email)).ConfigureAwait(false);
            var existing = byUser ?? byEmail;
            // The same email under two chat identities is one person: keep one row.
            if (byUser is not null && byEmail is not null && byUser.Id != byEmail.Id)
                await ExecuteAsync(connection, transaction, "DELETE FROM registrations WHERE id = @id", cancellationToken, ("@id", byEmail.Id)).ConfigureAwait(false);

            Registration saved;
            if (existing is null)
            {
                saved = new Registration
                {
                    Id = Guid.NewGuid().ToString("N"),
                    ConfirmationNumber = await NewConfirmationNumberAsync(connection, transaction, cancellationToken).ConfigureAwait(false),
                    MeetingId = request.MeetingId,
                    UserKey = who.UserKey,
                    ChannelId = who.ChannelId,
                    UserId = who.UserId,
                    AadObjectId = who.AadObjectId,
                    Email = email,
                    FullName = request.FullName,
                    Answers = request.Answers,
                    Locale = request.Locale,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                await ExecuteAsync(connection, transaction,
                    $"INSERT INTO registrations ({Columns}) VALUES (@id, @n, @m, @u, @c, @uid, @aad, @e, @name, @a, @l, @s, @created, @updated, NULL)",
                    cancellationToken, Parameters(saved, answers)).ConfigureAwait(false);
            }
            else
            {
                saved = existing with
                {
                    UserKey = who.UserKey,
                    ChannelId = who.ChannelId,
                    UserId = who.UserId,
                    AadObjectId = who.AadObjectId ?? existing.AadObjectId,
                    Email = email,
                    FullName = request.FullName,
                    Answers = request.Answers,
                    Locale = request.Locale,
                    Status = RegistrationStatus.Active,
                    UpdatedAt = now,
                    CancelledAt = null,
                };
                await ExecuteAsync(connection, transaction,
                    "UPDATE registrations SET user_key = @u, channel_id = @c, user_id = @uid, aad_object_id = @aad, email = @e, full_name = @name, " +
                    "answers_json = @a, locale = @l, status = @s, updated_at = @updated, cancelled_at = NULL WHERE id = @id",
                    cancellationToken, Parameters(saved, answers)).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new RegistrationSaveResult(saved, existing is not null && existing.Status == RegistrationStatus.Active);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>The person's active registration for a meeting, found by chat identity or email.</summary>
    public async Task<Registration?> FindAsync(string meetingId, RegistrantIdentity who, CancellationToken cancellationToken = default)
        => (await FindForPersonAsync(who, cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.MeetingId == meetingId);

    /// <summary>All active registrations of a person ("am I registered?").</summary>
    public async Task<IReadOnlyList<Registration>> FindForPersonAsync(RegistrantIdentity who, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        var email = NormaliseEmail(who.Email);
        return await QueryAsync(connection, null,
            "status = @s AND (user_key = @u OR (@e IS NOT NULL AND email = @e)) ORDER BY created_at",
            cancellationToken, ("@s", "active"), ("@u", who.UserKey), ("@e", (object?)email ?? DBNull.Value)).ConfigureAwait(false);
    }

    /// <summary>Cancels the person's registration for a meeting; null when there was none.</summary>
    public async Task<Registration?> CancelAsync(string meetingId, RegistrantIdentity who, CancellationToken cancellationToken = default)
    {
        var registration = await FindAsync(meetingId, who, cancellationToken).ConfigureAwait(false);
        if (registration is null) return null;
        var now = _time.GetUtcNow();
        await using var connection = Open();
        await ExecuteAsync(connection, null, "UPDATE registrations SET status = @s, cancelled_at = @t, updated_at = @t WHERE id = @id",
            cancellationToken, ("@s", "cancelled"), ("@t", Format(now)), ("@id", registration.Id)).ConfigureAwait(false);
        return registration with { Status = RegistrationStatus.Cancelled, CancelledAt = now, UpdatedAt = now };
    }

    /// <summary>Registrations of one meeting (or all), oldest first; cancelled ones only when asked.</summary>
    public async Task<IReadOnlyList<Registration>> ListAsync(string? meetingId = null, bool includeCancelled = false, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        return await QueryAsync(connection, null,
            "(@m IS NULL OR meeting_id = @m) AND (@all = 1 OR status = 'active') ORDER BY meeting_id, created_at",
            cancellationToken, ("@m", (object?)meetingId ?? DBNull.Value), ("@all", includeCancelled ? 1 : 0)).ConfigureAwait(false);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout=30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private static (string, object?)[] Parameters(Registration r, string answers) =>
    [
        ("@id", r.Id), ("@n", r.ConfirmationNumber), ("@m", r.MeetingId), ("@u", r.UserKey), ("@c", r.ChannelId), ("@uid", r.UserId),
        ("@aad", r.AadObjectId), ("@e", r.Email), ("@name", r.FullName), ("@a", answers), ("@l", r.Locale),
        ("@s", r.Status == RegistrationStatus.Active ? "active" : "cancelled"), ("@created", Format(r.CreatedAt)), ("@updated", Format(r.UpdatedAt)),
    ];

    private async Task<string> NewConfirmationNumberAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        while (true)
        {
            var number = "R-" + string.Concat(Enumerable.Range(0, 6).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]));
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT COUNT(*) FROM registrations WHERE confirmation_number = @n";
            command.Parameters.AddWithValue("@n", number);
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0) return number;
        }
    }

    private static async Task<Registration?> FindOneAsync(SqliteConnection connection, SqliteTransaction transaction, string where, CancellationToken cancellationToken, params (string, object?)[] parameters)
        => (await QueryAsync(connection, transaction, where, cancellationToken, parameters).ConfigureAwait(false)).FirstOrDefault();

    private static async Task<List<Registration>> QueryAsync(SqliteConnection connection, SqliteTransaction? transaction, string where, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM registrations WHERE {where}";
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var result = new List<Registration>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new Registration
            {
                Id = reader.GetString(0),
                ConfirmationNumber = reader.GetString(1),
                MeetingId = reader.GetString(2),
                UserKey = reader.GetString(3),
                ChannelId = NullableString(reader, 4),
                UserId = NullableString(reader, 5),
                AadObjectId = NullableString(reader, 6),
                Email = NullableString(reader, 7),
                FullName = reader.GetString(8),
                Answers = JsonSerializer.Deserialize<Dictionary<string, RegistrationAnswer>>(reader.GetString(9)) ?? [],
                Locale = NullableString(reader, 10),
                Status = reader.GetString(11) == "cancelled" ? RegistrationStatus.Cancelled : RegistrationStatus.Active,
                CreatedAt = Parse(reader.GetString(12)),
                UpdatedAt = Parse(reader.GetString(13)),
                CancelledAt = reader.IsDBNull(14) ? null : Parse(reader.GetString(14)),
            });
        }
        return result;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string? NullableString(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static string? NormaliseEmail(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    private static string Format(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
