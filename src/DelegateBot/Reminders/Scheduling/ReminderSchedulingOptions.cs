namespace DelegateBot.Reminders.Scheduling;

/// <summary>Section "Reminders": when session pushes go out.</summary>
public sealed class ReminderSchedulingOptions
{
    public const string Section = "Reminders";

    /// <summary>Minutes before a session's start at which its card is pushed (Reminders:LeadMinutes).</summary>
    public int LeadMinutes { get; set; } = 30;

    public TimeSpan Lead => TimeSpan.FromMinutes(LeadMinutes);
}

/// <summary>
/// Section "Reminders:Scheduler": where Quartz keeps the schedule. SQLite by default (one instance);
/// PostgreSQL with <c>Provider=Postgres</c>, a connection string and <c>Clustered=true</c> when scaled out.
/// </summary>
public sealed class SchedulerStoreOptions
{
    public const string Section = "Reminders:Scheduler";

    /// <summary>"Sqlite" (Microsoft.Data.Sqlite) or "Postgres" (Npgsql).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite file when <see cref="ConnectionString"/> is not set; by default scheduler.db next to the
    /// bot's state database (Storage:SqlitePath), i.e. data/scheduler.db.</summary>
    public string? SqlitePath { get; set; }

    /// <summary>ADO.NET connection string; required for Postgres, optional for SQLite (wins over <see cref="SqlitePath"/>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Several service instances share the database and split the firing between them (Postgres).</summary>
    public bool Clustered { get; set; }

    /// <summary>Prefix of Quartz's tables.</summary>
    public string TablePrefix { get; set; } = "QRTZ_";

    public bool IsPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || Provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) || Provider.Equals("Npgsql", StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase);
}
