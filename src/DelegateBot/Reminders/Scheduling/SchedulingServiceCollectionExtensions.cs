using DelegateBot.Bot;
using DelegateBot.Core.Agenda;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace DelegateBot.Reminders.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// The reminder scheduler in the service: session pushes planned from the agenda (call AddAgenda too) and
    /// re-planned when it changes, scheduled broadcasts, rehearsals; Quartz runs with the host. The delivery
    /// engine (<see cref="IBroadcasts"/>) is registered by its own feature.
    /// </summary>
    public static IServiceCollection AddReminderScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReminderSchedulingStore(configuration);
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.TryAddSingleton<SessionPushScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionPushScheduler>());
        return services;
    }

    /// <summary>
    /// The schedule without running it (what the CLI needs): Quartz on its persistent store, the broadcast and
    /// rehearsal schedulers. Jobs written here are fired by the running service, which reads the same store.
    /// </summary>
    public static IServiceCollection AddReminderSchedulingStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReminderSchedulingOptions>().BindConfiguration(ReminderSchedulingOptions.Section)
            .Validate(o => o.LeadMinutes is >= 0 and <= 7 * 24 * 60, "Reminders:LeadMinutes must be between 0 and 10080.");
        services.AddOptions<SchedulerStoreOptions>().BindConfiguration(SchedulerStoreOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBroadcastScheduler, BroadcastScheduler>();
        services.TryAddSingleton<RehearsalScheduler>();
        services.TryAddSingleton<ReminderSchedule>();
        services.TryAddTransient<SessionPushJob>();
        services.TryAddTransient<ScheduledBroadcastJob>();

        // The provider decides the driver and the SQL dialect, so it is read now; the SQLite file is resolved when
        // the store first connects, so settings added after registration (tests, environment) are honoured.
        var store = configuration.GetSection(SchedulerStoreOptions.Section).Get<SchedulerStoreOptions>() ?? new SchedulerStoreOptions();
        services.AddQuartz(q =>
        {
            q.UsePersistentStore(s =>
            {
                s.ConfigureStore(o => o.TablePrefix = store.TablePrefix);
                // Creates Quartz's tables when missing, at every start; never alters or drops.
                s.ProvisionSchema();
                if (store.IsPostgres)
                {
                    if (string.IsNullOrWhiteSpace(store.ConnectionString))
                        throw new InvalidOperationException("Reminders:Scheduler:Provider is Postgres but Reminders:Scheduler:ConnectionString is not set.");
                    s.UsePostgres(store.ConnectionString);
                }
                else if (store.IsSqlite)
                {
                    s.UseSqlite(o => o.DataSourceFactory = sp => SqliteFactory.Instance.CreateDataSource(SqliteConnectionString(sp.GetRequiredService<IConfiguration>())));
                }
                else throw new InvalidOperationException($"Reminders:Scheduler:Provider '{store.Provider}' is not supported: use Sqlite or Postgres.");
                if (store.Clustered) s.UseClustering(c => c.Enabled = true);
            });
            if (store.Clustered) q.ConfigureScheduler(o => o.GenerateInstanceId = true);
        });
        return services;
    }

    /// <summary>Reminders:Scheduler:ConnectionString, else the SQLite file Reminders:Scheduler:SqlitePath, else scheduler.db
    /// in the folder of the bot's state database (Storage:SqlitePath, default data/); the folder is created.</summary>
    public static string SqliteConnectionString(IConfiguration configuration)
    {
        var options = configuration.GetSection(SchedulerStoreOptions.Section).Get<SchedulerStoreOptions>() ?? new SchedulerStoreOptions();
        var path = options.SqlitePath;
        if (string.IsNullOrWhiteSpace(path)) path = BotStorageOptions.BesideStateDatabase(configuration, "scheduler.db");
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(options.ConnectionString) ? new SqliteConnectionStringBuilder { DataSource = path }.ToString() : options.ConnectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return builder.ToString();
    }
}
