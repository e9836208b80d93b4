using DelegateBot.Core.Agenda;
using DelegateBot.Reminders;
using DelegateBot.BotFramework.Hosting;
using DelegateBot.Reminders.Delivery;
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
/// <see cref="IBroadcasts"/>, or with the real delivery engine sending to a loopback channel when one is given.
/// <see cref="RestartAsync"/> stops the host and starts a new one on the same files.
/// </summary>
internal sealed class SchedulingHarness : RestartableHost
{
    /// <summary>The 19 May 2011 debate (New York, EDT = UTC-4): opening 10:00, panel one 10:20, panel two 15:00.</summary>
    public const string DebateId = "informal-thematic-debate-on-international-migration-and-2011";

    public string KnowledgeFolder { get; }
    public FakeTimeProvider Clock { get; private set; }
    public RecordingBroadcasts Broadcasts { get; }

    private readonly bool _realDelivery;

    private SchedulingHarness(DateTimeOffset now, bool ownKnowledge, bool realDelivery) : base("delegatebot-sched-")
    {
        _realDelivery = realDelivery;
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

    /// <param name="realDelivery">Pushes go through the delivery engine (subscriptions, ledger, worker, CloudAdapter) instead of being recorded.</param>
    public static async Task<SchedulingHarness> StartAsync(DateTimeOffset now, bool ownKnowledge = false, bool realDelivery = false)
    {
        var harness = new SchedulingHarness(now, ownKnowledge, realDelivery);
        await harness.StartAndPlanAsync();
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
        await StartAndPlanAsync();
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

    /// <summary>Starts the host and waits for its first re-planning of the pushes.</summary>
    private async Task StartAndPlanAsync()
    {
        await StartHostAsync();
        await Pushes.WhenIdle();
    }

    protected override void Configure(HostApplicationBuilder builder)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Agenda:KnowledgePath"] = KnowledgeFolder,
            ["Agenda:WatchOverrides"] = "false",
            ["Reminders:LeadMinutes"] = "30",
            ["Reminders:Scheduler:SqlitePath"] = Path.Combine(Folder, "data", "scheduler.db"),
            ["Storage:SqlitePath"] = Path.Combine(Folder, "data", "delegatebot.db"),
        });
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddAgenda(builder.Configuration);
        builder.Services.AddReminderScheduling(builder.Configuration);
        if (_realDelivery)
        {
            builder.Services.AddBotFramework(builder.Configuration);
            builder.Services.AddReminderDelivery();
        }
        else builder.Services.AddSingleton<IBroadcasts>(Broadcasts);
    }
}
