using System.Collections.Concurrent;
using System.Diagnostics;
using DelegateBot.Reminders;
using DelegateBot.Reminders.Delivery;
using DelegateBot.Tests.Bot;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static DelegateBot.Tests.Reminders.Delivery.DeliveryHarness;

namespace DelegateBot.Tests.Reminders.Delivery;

/// <summary>Broadcasts through the real engine (ledger on SQLite, worker, CloudAdapter) to a Connector v3 channel on loopback.</summary>
public sealed class DeliveryEngineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_broadcast_to_1000_conversations_throttled_with_Retry_After_reaches_each_exactly_once_within_the_limits()
    {
        const int conversations = 1000, appPerSecond = 400, concurrency = 16;
        var delivered = new ConcurrentDictionary<string, int>();
        var throttledAt = new ConcurrentDictionary<string, long>();
        var retriedTooSoon = new ConcurrentBag<string>();
        var times = new ConcurrentQueue<long>();
        var throttled = 0;
        await using var channel = await TestChannel.StartAsync((call, http) =>
        {
            times.Enqueue(Stopwatch.GetTimestamp());
            var conversation = ConversationOf(call);
            if (throttledAt.TryGetValue(conversation, out var at))
            {
                if (Stopwatch.GetElapsedTime(at) < TimeSpan.FromSeconds(1)) retriedTooSoon.Add(conversation);
            }
            else if (int.Parse(conversation.Split('-')[1]) % 5 == 0)
            {
                // A fifth of the conversations is throttled on its first send, as Teams does past its limits.
                throttledAt[conversation] = Stopwatch.GetTimestamp();
                Interlocked.Increment(ref throttled);
                http.Response.Headers.RetryAfter = "1";
                return Task.FromResult<IResult?>(Results.Json(new { error = new { code = "Throttled", message = "Too many requests" } }, statusCode: 429));
            }
            delivered.AddOrUpdate(conversation, 1, (_, n) => n + 1);
            return Task.FromResult<IResult?>(null);
        });
        await using var h = await StartAsync(new() { ["Reminders:Delivery:AppPerSecond"] = $"{appPerSecond}", ["Reminders:Delivery:Concurrency"] = $"{concurrency}" });
        await h.SeedAsync(conversations, channel.ServiceUrl);

        var clock = Stopwatch.StartNew();
        var ticket = await h.Broadcasts.EnqueueAsync(Request("broadcast:load-test", "Panel two starts in 10 minutes in Conference Room 4"));
        var report = await h.WaitUntilCompleteAsync(ticket.Id);
        clock.Stop();

        output.WriteLine($"{conversations} conversations in {clock.Elapsed.TotalSeconds:F1} s; {throttled} answered 429 (Retry-After: 1), {report.Attempts} sends in all, {report.Retried} retried.");
        output.WriteLine(report.ToText());
        Assert.Equal(conversations, ticket.Recipients);
        Assert.Equal((conversations, 0, 0), (report.Sent, report.Failed, report.Pending + report.Sending));
        Assert.Equal(conversations, delivered.Count);
        Assert.All(delivered, d => Assert.Equal(1, d.Value));
        Assert.Equal(conversations / 5, throttled);
        Assert.Equal(throttled, report.Retried);
        Assert.Equal(conversations + throttled, report.Attempts);
        Assert.Empty(retriedTooSoon);
        // Every send is proactive: a new message in the conversation, not a reply.
        Assert.All(channel.Calls, c => Assert.Matches("^/v3/conversations/conv-\\d+/activities$", c.RawPath));
        Assert.Equal("Panel two starts in 10 minutes in Conference Room 4", channel.Calls[0].Activity!.Text);
        // The limiter spaces the departures (its exact windows are tested on the fake clock); arrivals may bunch by
        // at most the sends in flight at once.
        Assert.True(MostInAnySecond(times) <= appPerSecond + concurrency, $"{MostInAnySecond(times)} sends arrived within one second");
    }

    [Fact]
    public async Task A_service_stopped_in_the_middle_of_a_broadcast_delivers_the_rest_after_a_restart_without_repeats()
    {
        const int conversations = 300;
        var answered = new ConcurrentDictionary<string, int>();
        var hanging = 0;
        var blocking = true;
        await using var channel = await TestChannel.StartAsync(async (call, http) =>
        {
            if (Volatile.Read(ref blocking) && answered.Count >= 100)
            {
                // The channel stops answering, then the service goes away: these sends are in flight, their outcome unknown.
                Interlocked.Increment(ref hanging);
                await Task.Delay(Timeout.Infinite, http.RequestAborted);
            }
            answered.AddOrUpdate(ConversationOf(call), 1, (_, n) => n + 1);
            return null;
        });
        var settings = new Dictionary<string, string?>
        {
            ["Reminders:Delivery:AppPerSecond"] = "300", ["Reminders:Delivery:Concurrency"] = "8",
            ["Reminders:Delivery:LeaseSeconds"] = "2", ["Reminders:Delivery:ShutdownGraceSeconds"] = "0.2",
        };
        await using var h = await StartAsync(settings);
        await h.SeedAsync(conversations, channel.ServiceUrl);
        var ticket = await h.Broadcasts.EnqueueAsync(Request("broadcast:interrupted", "The afternoon session moves to Room XVII"));

        await Eventually(() => Volatile.Read(ref hanging) >= 8, "the channel holds every slot");
        await h.StopAsync();
        var before = (await h.Reports.GetAsync(ticket.Id))!;
        output.WriteLine($"At the stop: {answered.Count} answered, {hanging} hanging. {before.ToText()}");
        Assert.Equal(answered.Count, before.Sent);
        Assert.Equal(8, before.Sending); // claimed and sent, outcome never recorded
        Volatile.Write(ref blocking, false);

        await h.StartAgainAsync();
        var report = await h.WaitUntilCompleteAsync(ticket.Id);
        output.WriteLine(report.ToText());
        Assert.Equal(conversations, report.Sent);
        Assert.Equal(conversations, answered.Count);
        Assert.All(answered, a => Assert.Equal(1, a.Value));
        // The eight taken over after their lease are the only sends whose first outcome was unknown.
        Assert.Equal(8, report.Resumed);
        Assert.Contains("Resumed after an interruption: 8", report.ToText());
    }

    [Fact]
    public async Task Blocked_gone_and_refused_conversations_fail_with_their_reason_and_transient_errors_are_retried()
    {
        var seen = new ConcurrentDictionary<string, int>();
        await using var channel = await TestChannel.StartAsync((call, http) =>
        {
            var conversation = ConversationOf(call);
            var n = seen.AddOrUpdate(conversation, 1, (_, x) => x + 1);
            IResult? answer = conversation switch
            {
                "conv-0" => Results.Json(new { error = new { code = "MessageWritesBlocked", message = "The bot is blocked" } }, statusCode: 403),
                "conv-1" => Results.Json(new { error = new { code = "ConversationNotFound" } }, statusCode: 404),
                "conv-2" => Results.Json(new { error = new { code = "BadSyntax" } }, statusCode: 400),
                "conv-3" => Results.StatusCode(502),
                "conv-4" when n == 1 => Results.StatusCode(412),
                "conv-5" when n == 1 => Results.StatusCode(504),
                _ => null,
            };
            return Task.FromResult(answer);
        });
        await using var h = await StartAsync(new()
        {
            ["Reminders:Delivery:MaxAttempts"] = "3", ["Reminders:Delivery:RetryBaseSeconds"] = "0.05", ["Reminders:Delivery:RetryMaxSeconds"] = "0.2",
        });
        var keys = await h.SeedAsync(8, channel.ServiceUrl);

        var first = await h.Broadcasts.EnqueueAsync(Request("broadcast:first", "Welcome to the debate"));
        var report = await h.WaitUntilCompleteAsync(first.Id);
        output.WriteLine(report.ToText());

        Assert.Equal((8, 4, 4), (first.Recipients, report.Sent, report.Failed));
        Assert.Equal(
            ["502 Bad Gateway (gave up after 3 attempts)", "blocked: the bot was blocked or uninstalled (403 MessageWritesBlocked)",
             "conversation not found (404 ConversationNotFound)", "refused by the channel (400 BadSyntax)"],
            report.Failures.Select(f => f.Reason).Order(StringComparer.Ordinal));
        Assert.Equal((3, 2, 2), (seen["conv-3"], seen["conv-4"], seen["conv-5"]));
        Assert.Equal(1, seen["conv-0"]); // a 403 is never retried

        // The blocked and the gone conversations are inactive now; the refused one stays (the next message may be fine).
        Assert.Equal("blocked: the bot was blocked or uninstalled (403 MessageWritesBlocked)", (await h.Subscriptions.GetAsync(keys[0]))!.InactiveReason);
        Assert.NotNull((await h.Subscriptions.GetAsync(keys[1]))!.InactiveAt);
        Assert.True((await h.Subscriptions.GetAsync(keys[2]))!.IsActive);
        var second = await h.Broadcasts.EnqueueAsync(Request("broadcast:second", "Lunch is served"));
        Assert.Equal(6, second.Recipients);
        Assert.Equal(1, seen["conv-0"]);
    }

    [Fact]
    public async Task The_same_key_enqueued_many_times_at_once_is_one_broadcast_and_one_message_per_conversation()
    {
        await using var channel = await TestChannel.StartAsync();
        await using var h = await StartAsync();
        await h.SeedAsync(3, channel.ServiceUrl);

        var tickets = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => h.Broadcasts.EnqueueAsync(Request("push:debate:panel-one:2011-05-19T14:20:00Z", "Panel one starts soon"))));
        await h.WaitUntilCompleteAsync(tickets[0].Id);

        Assert.Single(tickets.Select(t => t.Id).Distinct());
        Assert.Single(tickets, t => !t.AlreadyExisted);
        await Task.Delay(300); // a second broadcast, had one been made, would be on its way by now
        Assert.Equal(3, channel.Calls.Count);
        Assert.Equal(3, channel.Calls.Select(c => c.RawPath).Distinct().Count());
    }

    [Fact]
    public async Task A_card_goes_as_plain_text_to_channels_without_cards_and_a_stopped_conversation_is_skipped()
    {
        await using var channel = await TestChannel.StartAsync();
        await using var h = await StartAsync();
        var teams = await h.SeedAsync(1, channel.ServiceUrl, "teams", "msteams");
        var sms = await h.SeedAsync(1, channel.ServiceUrl, "sms", "sms");
        var stopped = await h.SeedAsync(1, channel.ServiceUrl, "stopped", "msteams");
        await h.Subscriptions.SetStoppedAsync(stopped[0], true);
        var agenda = new DelegateBot.Core.Agenda.AgendaService(Microsoft.Extensions.Options.Options.Create(new DelegateBot.Core.Agenda.AgendaOptions { KnowledgePath = BotAppFactory.RepoKnowledgeFolder, WatchOverrides = false }), TimeProvider.System);
        var debate = agenda.Current.FindMeeting(Scheduling.SchedulingHarness.DebateId)!;
        var card = DelegateBot.Reminders.Scheduling.PushCard.Build(debate, debate.Sessions.Single(s => s.Id == "panel-two"), Scheduling.SchedulingHarness.Utc("2011-05-19T19:00:00Z"), false);

        var ticket = await h.Broadcasts.EnqueueAsync(new BroadcastRequest("push:card", card, Audience.Everyone, "scheduler"));
        var report = await h.WaitUntilCompleteAsync(ticket.Id);

        Assert.Equal((2, 0), (ticket.Recipients, report.Failed));
        var byConversation = channel.Calls.ToDictionary(c => c.RawPath.Split('/')[3], c => c.Activity!);
        Assert.Equal(DelegateBot.Bot.AnswerCard.AdaptiveCardContentType, Assert.Single(byConversation["teams-0"].Attachments!).ContentType);
        Assert.Null(byConversation["sms-0"].Attachments);
        Assert.StartsWith("Starting soon: Panel two", byConversation["sms-0"].Text);
        Assert.DoesNotContain("stopped-0", byConversation.Keys);
        Assert.Equal("28:delegatebot", byConversation["teams-0"].From!.Id);
        Assert.Equal("teams-user-0", byConversation["teams-0"].Recipient!.Id);
        Assert.Null(byConversation["teams-0"].ReplyToId);
    }

    [Fact]
    public async Task A_conversation_that_stopped_after_the_enqueue_fails_without_taking_a_rate_slot()
    {
        await using var channel = await TestChannel.StartAsync();
        // One send a second on a clock that never moves: a second slot would never come.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero));
        await using var h = await StartAsync(new() { ["Reminders:Delivery:AppPerSecond"] = "1" }, clock);
        var keys = await h.SeedAsync(2, channel.ServiceUrl);
        // Stopped between the enqueue (rows written for both) and the send.
        await h.Subscriptions.SetStoppedAsync(keys[0], true);
        var (broadcast, _) = await h.Ledger.CreateAsync(Request("broadcast:stopped", "Room change"), keys, clock.GetUtcNow(), default);
        h.Services.GetRequiredService<DeliverySignal>().Set();

        var report = await h.WaitUntilCompleteAsync(broadcast.Id, TimeSpan.FromSeconds(30));

        Assert.Equal((1, 1), (report.Sent, report.Failed));
        Assert.StartsWith("not sent: the conversation said \"stop reminders\"", Assert.Single(report.Failures).Reason);
        Assert.Equal("conv-1", ConversationOf(Assert.Single(channel.Calls)));
    }

    private static string ConversationOf(TestChannel.Call call) => Uri.UnescapeDataString(call.RawPath.Split('/')[3]);

    /// <summary>The largest number of calls that arrived within any one second.</summary>
    private static int MostInAnySecond(IEnumerable<long> timestamps)
    {
        var sorted = timestamps.Order().ToArray();
        var most = 0;
        for (int i = 0, j = 0; i < sorted.Length; i++)
        {
            while (Stopwatch.GetElapsedTime(sorted[j], sorted[i]) >= TimeSpan.FromSeconds(1)) j++;
            most = Math.Max(most, i - j + 1);
        }
        return most;
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        for (var i = 0; i < 1200 && !condition(); i++) await Task.Delay(50);
        if (!condition()) throw new Xunit.Sdk.XunitException($"Never came true: {what}");
    }
}
