using DelegateBot.Core.Agenda;
using DelegateBot.Reminders;
using DelegateBot.Reminders.Scheduling;
using DelegateBot.Tests.Bot;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DelegateBot.Tests.Reminders.Scheduling;

/// <summary>
/// The scheduling feature as the host wires it (AddAgenda + AddReminderScheduling, Quartz on a SQLite file in a
/// temp folder, the seed documents' agenda) on a fake clock that Quartz itself runs on, with a recording
/// <see cref="IBroadcasts"/>. <see cref="RestartAsync"/> stops the host and starts a new one on the same files.
/// </summary>
internal sealed class SchedulingHarness : IAsyncDisposable
{
    /// <summary>The 19 May 2011 debate (New York, EDT = UTC-4): opening 10:00, panel one 10:20, panel two 15:00.</summary>
    public const string DebateId = "informal-thematic-debate-on-international-migration-and-2011";

    private IHost? _host;

    public string Folder { get; } = Directory.CreateTempSubdirectory("delegatebot-sched-").FullName;
    public string KnowledgeFolder { get; }
    public FakeTimeProvider Clock { get; private set; }
    public RecordingBroadcasts Broadcasts { get; }
    public IServiceProvider Services => _host!.Services;

    private SchedulingHarness(DateTimeOffset now, bool ownKnowledge)
    {
        Clock = new FakeTimeProvider(now);
        Broadcasts = new RecordingBroadcasts(Clock);
        if (ownKnowledge)
        {
            // A copy, so a test can write agenda.yaml.
            KnowledgeFolder = Path.Combine(Folder, "knowledge");
            Directory.CreateDirectory(KnowledgeFolder);
            foreach (var f in Directory.GetFiles(BotAppFactory.RepoKnowledgeFolder)) File.Copy(f, Path.Combine(KnowledgeFolder, Path.GetFileName(f)));
        }
        else KnowledgeFolder = BotAppFactory.RepoKnowledgeFolder;
    }

    public static async Task<SchedulingHarness> StartAsync(DateTimeOffset now, bool ownKnowledge = false)
    {
        var harness = new SchedulingHarness(now, ownKnowledge);
        await harness.StartHostAsync();
        return harness;
    }

    public static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public AgendaService Agenda => Services.GetRequiredService<AgendaService>();
    public SessionPushScheduler Pushes => Services.GetRequiredService<SessionPushScheduler>();
    public ReminderSchedule Schedule => Services.GetRequiredService<ReminderSchedule>();

    /// <summary>Stops the service and starts a new one over the same SQLite file, its clock now at <paramref name="now"/>.</summary>
    public async Task RestartAsync(DateTimeOffset now)
    {
        await StopHostAsync();
        Clock = new FakeTimeProvider(now);
        Broadcasts.Clock = Clock;
        await StartHostAsync();
    }

    /// <summary>
    /// Waits for Quartz to finish what a firing started: a job's call to the delivery engine comes before the store
    /// removes the fired trigger, so the store is read until it agrees. Bounded only so a bug cannot hang the run.
    /// </summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"Never came true: {what}");
    }

    /// <summary>Moves the fake clock to <paramref name="to"/>; Quartz's timers run on it, so due triggers fire.</summary>
    public void AdvanceTo(DateTimeOffset to) => Clock.Advance(to - Clock.GetUtcNow());

    private async Task StartHostAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Folder, Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Agenda:KnowledgePath"] = KnowledgeFolder,
            ["Agenda:WatchOverrides"] = "false",
            ["Reminders:LeadMinutes"] = "30",
            ["Reminders:Scheduler:SqlitePath"] = Path.Combine(Folder, "data", "scheduler.db"),
        });
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddAgenda(builder.Configuration);
        builder.Services.AddReminderScheduling(builder.Configuration);
        builder.Services.AddSingleton<IBroadcasts>(Broadcasts);
        _host = builder.Build();
        await _host.StartAsync();
        await Pushes.WhenIdle();
    }

    private async Task StopHostAsync()
    {
        if (_host is null) return;
        await _host.StopAsync();
        _host.Dispose();
        _host = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
