using System.Net;
using System.Text;
using DelegateBot.Benchmarks.Channel;
using Microsoft.Extensions.Time.Testing;

namespace DelegateBot.Benchmarks.Tests;

/// <summary>The test channel's Teams-like limits, on the clock and over real HTTP.</summary>
public class LimitedChannelTests
{
    [Fact]
    public void Every_window_of_a_conversation_is_enforced_and_says_how_long_to_wait()
    {
        var time = new FakeTimeProvider();
        var limiter = new SlidingWindowLimiter(ChannelLimits.Teams().PerConversation, time);
        for (var i = 0; i < 7; i++) Assert.True(limiter.TryAcquire("a", out _));
        Assert.False(limiter.TryAcquire("a", out var wait));
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.True(limiter.TryAcquire("b", out _)); // another conversation has its own budget

        time.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.True(limiter.TryAcquire("a", out _)); // 8 in 2 s is the next limit
        Assert.False(limiter.TryAcquire("a", out wait));
        Assert.Equal(TimeSpan.FromSeconds(1), wait); // the first 7 leave the 2 s window at t = 2 s

        // 60 in 30 s: pace at 4 per second (under 7/1 s and 8/2 s) and the 30 s window binds.
        time.Advance(TimeSpan.FromSeconds(2));
        var accepted = 8;
        for (var s = 0; s < 26; s++, time.Advance(TimeSpan.FromMilliseconds(250)))
            if (limiter.TryAcquire("a", out _)) accepted++;
        Assert.Equal(34, accepted);
        for (var s = 0; s < 120; s++, time.Advance(TimeSpan.FromMilliseconds(250)))
            if (limiter.TryAcquire("a", out wait) == false) break;
        Assert.True(wait > TimeSpan.Zero);
    }

    [Fact]
    public async Task The_channel_answers_429_with_Retry_After_and_counts_only_what_it_accepted()
    {
        var limits = new ChannelLimits { Global = [new RateWindow(TimeSpan.FromSeconds(30), 2)] };
        // The channel's clock stands still, so the Retry-After does not depend on how long the requests took.
        await using var channel = await LoopbackChannel.StartAsync(limits, new FakeTimeProvider());
        var received = new List<ChannelActivity>();
        channel.Received = a => { lock (received) received.Add(a); };
        using var http = new HttpClient();

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
            statuses.Add(await http.PostAsync(channel.ServiceUrl + $"v3/conversations/{Uri.EscapeDataString("a:1;messageid=9")}/activities/act{i}",
                new StringContent($$"""{"type":"message","text":"answer {{i}}"}""", Encoding.UTF8, "application/json")));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses.Select(s => s.StatusCode));
        var retryAfter = statuses[2].Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.Equal(30, retryAfter.Value.TotalSeconds);
        Assert.Equal(2, channel.Accepted);
        Assert.Equal(1, channel.Throttled);
        Assert.Equal(2, channel.MessagesPerConversation["a:1;messageid=9"]);
        Assert.Equal(["act0", "act1"], received.Select(a => a.ReplyToId));
        Assert.All(received, a => Assert.Equal("a:1;messageid=9", a.ConversationId));

        var bad = await http.PostAsync(channel.ServiceUrl + "v3/conversations/b/activities", new StringContent("not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
