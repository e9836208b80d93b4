using DelegateBot.BotFramework.Hosting;
using DelegateBot.BotFramework.Schema;
using DelegateBot.Core.Registrations;
using DelegateBot.Reminders;
using DelegateBot.Reminders.Delivery;
using DelegateBot.Reminders.Subscriptions;
using DelegateBot.Tests.Bot;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DelegateBot.Tests.Reminders.Delivery;

/// <summary>
/// The delivery engine as the host wires it (AddBotFramework's CloudAdapter and ConnectorClient, AddReminderDelivery,
/// SQLite files in a temp folder) in a generic host without the web server, so a test can stop one "process" in
/// the middle of a broadcast and start another on the same files. Sends go to a <see cref="TestChannel"/> on loopback.
/// </summary>
internal sealed class DeliveryHarness : RestartableHost
{
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider _clock;

    private DeliveryHarness(Dictionary<string, string?>? settings, TimeProvider? clock) : base("delegatebot-delivery-")
    {
        _clock = clock ?? TimeProvider.System;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(Folder, "data", "delegatebot.db"),
            ["Reminders:Delivery:PollSeconds"] = "1",
        };
        foreach (var (key, value) in settings ?? []) _settings[key] = value;
    }

    public SubscriptionStore Subscriptions => Services.GetRequiredService<SubscriptionStore>();
    public IBroadcasts Broadcasts => Services.GetRequiredService<IBroadcasts>();
    /// <summary>Reports read from the files, also while no "process" is running.</summary>
    public DeliveryReports Reports => IsRunning ? Services.GetRequiredService<DeliveryReports>() : new DeliveryReports(new BroadcastLedger(new RemindersDatabase(RemindersDatabaseOptions.PathFrom(new ConfigurationBuilder().AddInMemoryCollection(_settings).Build()))));
    public BroadcastLedger Ledger => Services.GetRequiredService<BroadcastLedger>();

    public static async Task<DeliveryHarness> StartAsync(Dictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var harness = new DeliveryHarness(settings, clock);
        await harness.StartHostAsync();
        return harness;
    }

    /// <summary>Subscriptions for conversations "{prefix}-0" ... on <paramref name="serviceUrl"/>, each a one-to-one chat of user "{prefix}-user-i".</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(int count, string serviceUrl, string prefix = "conv", string channelId = "msteams")
    {
        var keys = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var reference = Reference(serviceUrl, $"{prefix}-{i}", $"{prefix}-user-{i}", channelId);
            await Subscriptions.RecordAsync(reference, new RegistrantIdentity(channelId, reference.User!.Id!).UserKey, isGroup: false, vouched: false);
            keys.Add(Subscription.KeyOf(channelId, reference.Conversation!.Id!));
        }
        return keys;
    }

    public static ConversationReference Reference(string serviceUrl, string conversationId, string userId, string channelId = "msteams") => new()
    {
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = conversationId },
        User = new ChannelAccount { Id = userId, Name = "Delegate" },
        Bot = new ChannelAccount { Id = "28:delegatebot", Name = "DelegateBot" },
        ActivityId = "inbound-1",
    };

    public static BroadcastRequest Request(string key, string text, Audience? audience = null) =>
        new(key, Activity.CreateMessageActivity(text), audience ?? Audience.Everyone, "organiser-1");

    /// <summary>Waits until the broadcast has nothing left to send; real time is only a guard against a hang.</summary>
    public async Task<DeliveryReport> WaitUntilCompleteAsync(string broadcastId, TimeSpan? limit = null)
    {
        var until = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var report = (await Reports.GetAsync(broadcastId))!;
            if (report.Complete) return report;
            if (DateTime.UtcNow > until) throw new Xunit.Sdk.XunitException($"Broadcast {broadcastId} not complete: {report.ToText()}");
            await Task.Delay(50);
        }
    }

    /// <summary>Stops this "process": in-flight sends get ShutdownGraceSeconds, then are abandoned with their ledger rows as they are.</summary>
    public Task StopAsync() => StopHostAsync();

    /// <summary>A new "process" on the same files.</summary>
    public Task StartAgainAsync() => StartHostAsync();

    protected override void Configure(HostApplicationBuilder builder)
    {
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(_clock);
        builder.Services.AddBotFramework(builder.Configuration);
        builder.Services.AddReminderDelivery();
    }
}
