using DelegateBot.BotFramework.Schema;
using DelegateBot.Reminders;
using DelegateBot.Reminders.Subscriptions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace DelegateBot.Tests.Reminders.Subscriptions;

/// <summary>
/// The subscriber record written on every turn, on a real SQLite file: a turn that changes nothing writes nothing
/// (last_seen_at shows it, refreshed only after an hour), while anything a send depends on is written at once.
/// </summary>
public sealed class SubscriptionStoreTests : IDisposable
{
    private const string Key = "msteams|a:conv-1";
    private readonly string _folder = Directory.CreateTempSubdirectory("delegatebot-subscriptions-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero));
    private readonly SubscriptionStore _store;

    public SubscriptionStoreTests() => _store = new SubscriptionStore(new RemindersDatabase(Path.Combine(_folder, "reminders.db")), _time);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static ConversationReference Reference(string activityId, string serviceUrl = "https://smba.example/emea/", string userName = "Alice", string? locale = "en-GB") => new()
    {
        ActivityId = activityId,
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        Locale = locale,
        User = new ChannelAccount { Id = "29:alice", Name = userName },
        Bot = new ChannelAccount { Id = "28:bot", Name = "DelegateBot" },
        Conversation = new ConversationAccount { Id = "a:conv-1", ConversationType = "personal" },
    };

    private async Task<Subscription> Stored() => (await _store.GetAsync(Key))!;

    [Fact]
    public async Task A_turn_that_changes_nothing_is_not_written_and_last_seen_is_refreshed_hourly()
    {
        await _store.RecordAsync(Reference("m1"), "msteams:29:alice", isGroup: false, vouched: false);
        var first = await Stored();
        Assert.Equal("m1", first.Reference.ActivityId);

        _time.Advance(TimeSpan.FromMinutes(59));
        await _store.RecordAsync(Reference("m2"), "msteams:29:alice", isGroup: false, vouched: false);
        var same = await Stored();
        Assert.Equal(first.LastSeenAt, same.LastSeenAt);
        Assert.Equal("m1", same.Reference.ActivityId); // the activity id alone is no change: proactive sends do not use it

        _time.Advance(TimeSpan.FromMinutes(2));
        await _store.RecordAsync(Reference("m3"), "msteams:29:alice", isGroup: false, vouched: false);
        var refreshed = await Stored();
        Assert.Equal(_time.GetUtcNow(), refreshed.LastSeenAt);
        Assert.Equal("m3", refreshed.Reference.ActivityId);
    }

    [Fact]
    public async Task What_a_send_depends_on_is_written_on_the_turn_that_changes_it()
    {
        await _store.RecordAsync(Reference("m1"), "msteams:29:alice", isGroup: false, vouched: false);

        _time.Advance(TimeSpan.FromMinutes(1));
        await _store.RecordAsync(Reference("m2", serviceUrl: "https://smba.example/amer/"), "msteams:29:alice", isGroup: false, vouched: false);
        Assert.Equal("https://smba.example/amer/", (await Stored()).Reference.ServiceUrl);

        await _store.RecordAsync(Reference("m3", serviceUrl: "https://smba.example/amer/", userName: "Alice B."), "msteams:29:alice", isGroup: false, vouched: false);
        Assert.Equal("Alice B.", (await Stored()).Reference.User!.Name);

        await _store.RecordAsync(Reference("m4", serviceUrl: "https://smba.example/amer/", userName: "Alice B."), "aad:6b1c", isGroup: false, vouched: false);
        Assert.Equal("aad:6b1c", (await Stored()).UserKey);

        await _store.RecordAsync(Reference("m5", serviceUrl: "https://smba.example/amer/", userName: "Alice B."), "aad:6b1c", isGroup: false, vouched: true);
        Assert.True((await Stored()).Vouched);
        // An anonymous turn on the same serviceUrl never takes the proof away (nothing to write).
        await _store.RecordAsync(Reference("m6", serviceUrl: "https://smba.example/amer/", userName: "Alice B."), "aad:6b1c", isGroup: false, vouched: false);
        Assert.True((await Stored()).Vouched);

        await _store.RecordAsync(Reference("m7", serviceUrl: "https://smba.example/amer/", userName: "Alice B.", locale: "fr-FR"), "aad:6b1c", isGroup: false, vouched: false);
        Assert.Equal("fr-FR", (await Stored()).Locale);
    }

    [Fact]
    public async Task An_inactive_conversation_that_talks_again_is_active_again_at_once()
    {
        await _store.RecordAsync(Reference("m1"), "msteams:29:alice", isGroup: false, vouched: false);
        await _store.MarkInactiveAsync(Key, "blocked: the bot was blocked or uninstalled (403)");
        Assert.False((await Stored()).IsActive);

        _time.Advance(TimeSpan.FromMinutes(1));
        await _store.RecordAsync(Reference("m2"), "msteams:29:alice", isGroup: false, vouched: false);
        Assert.True((await Stored()).IsActive);
    }
}
