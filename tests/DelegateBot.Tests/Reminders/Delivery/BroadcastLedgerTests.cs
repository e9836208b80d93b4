using DelegateBot.BotFramework.Schema;
using DelegateBot.Reminders;
using DelegateBot.Reminders.Delivery;
using Microsoft.Data.Sqlite;

namespace DelegateBot.Tests.Reminders.Delivery;

/// <summary>The ledger's guarantees on a real SQLite file: one row per conversation, one owner per claim, takeover only after the lease.</summary>
public sealed class BroadcastLedgerTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("delegatebot-ledger-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    // Two ledgers on one file stand for two service instances.
    private BroadcastLedger Instance() => new(new RemindersDatabase(Path.Combine(_folder, "reminders.db")));

    private static BroadcastRequest Request(string key) => new(key, Activity.CreateMessageActivity("Room change"), Audience.Everyone, "organiser-1");

    [Fact]
    public async Task A_key_is_recorded_once_with_one_row_per_conversation()
    {
        var a = Instance();
        var (first, existed) = await a.CreateAsync(Request("k1"), ["c1", "c2", "c2", "c3"], T0, default);
        Assert.False(existed);
        Assert.Equal(3, first.Recipients);
        var (second, existedAfter) = await Instance().CreateAsync(Request("k1"), ["c1", "c9"], T0, default);
        Assert.True(existedAfter);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(3, (await a.DueAsync(T0, 100, default)).Count);
    }

    [Fact]
    public async Task Of_two_instances_racing_for_a_row_exactly_one_claims_it_and_only_the_owner_records_the_outcome()
    {
        var (a, b) = (Instance(), Instance());
        await a.CreateAsync(Request("k2"), ["c1"], T0, default);
        var row = Assert.Single(await a.DueAsync(T0, 10, default));

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? a : b).ClaimAsync(row, $"owner-{i}", T0, T0.AddMinutes(2), default)));
        Assert.Single(claims, c => c);
        var owner = $"owner-{Array.IndexOf(claims, true)}";
        Assert.Empty(await a.DueAsync(T0.AddMinutes(1), 10, default)); // held under its lease
        Assert.False(await b.MarkSentAsync(row, "someone-else", "x", T0, default));
        Assert.True(await b.MarkSentAsync(row, owner, "activity-1", T0, default));
        Assert.Empty(await a.DueAsync(T0.AddHours(1), 10, default)); // sent is final
    }

    [Fact]
    public async Task A_claim_left_by_a_dead_instance_is_taken_over_after_its_lease_and_counted_as_resumed()
    {
        var (dead, alive) = (Instance(), Instance());
        var (broadcast, _) = await dead.CreateAsync(Request("k3"), ["c1"], T0, default);
        var row = (await dead.DueAsync(T0, 10, default)).Single();
        Assert.True(await dead.ClaimAsync(row, "dead", T0, T0.AddMinutes(2), default));

        Assert.Empty(await alive.DueAsync(T0.AddMinutes(1), 10, default));
        var due = Assert.Single(await alive.DueAsync(T0.AddMinutes(2), 10, default));
        Assert.Equal(BroadcastLedger.Sending, due.Status);
        Assert.True(await alive.ClaimAsync(due, "alive", T0.AddMinutes(2), T0.AddMinutes(4), default));
        Assert.False(await dead.MarkSentAsync(row, "dead", "late", T0.AddMinutes(3), default)); // it lost the row
        Assert.True(await alive.MarkSentAsync(due, "alive", "activity-2", T0.AddMinutes(3), default));

        var report = DeliveryReport.From(broadcast, await alive.TallyAsync(broadcast.Id, default));
        Assert.Equal((1, 0, 1, 2), (report.Sent, report.Failed, report.Resumed, report.Attempts));
    }

    [Fact]
    public async Task A_retry_waits_for_its_time_and_keeps_its_reason_for_the_report()
    {
        var ledger = Instance();
        var (broadcast, _) = await ledger.CreateAsync(Request("k4"), ["c1"], T0, default);
        var row = (await ledger.DueAsync(T0, 10, default)).Single();
        await ledger.ClaimAsync(row, "me", T0, T0.AddMinutes(2), default);
        Assert.True(await ledger.MarkRetryAsync(row, "me", T0.AddSeconds(30), "429 Too Many Requests", T0, default));

        Assert.Empty(await ledger.DueAsync(T0.AddSeconds(29), 10, default));
        Assert.Equal(T0.AddSeconds(30), await ledger.NextDueAsync(default));
        var report = DeliveryReport.From(broadcast, await ledger.TallyAsync(broadcast.Id, default));
        Assert.Equal((0, 1), (report.Sent, report.Pending));
        Assert.Equal(new ReasonCount("429 Too Many Requests", 1), Assert.Single(report.Waiting));
        Assert.Single(await ledger.DueAsync(T0.AddSeconds(30), 10, default));
    }
}
