using System.Net.Http.Headers;
using DelegateBot.BotFramework.Connector;
using DelegateBot.Reminders.Delivery;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DelegateBot.Tests.Reminders.Delivery;

/// <summary>The Teams limits as sliding windows on a fake clock, and the retry rules.</summary>
public sealed class SendRateLimiterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);

    private static (SendRateLimiter Limiter, FakeTimeProvider Clock) Create(DeliveryOptions? options = null)
    {
        var clock = new FakeTimeProvider(T0);
        var monitor = new Moq.Mock<IOptionsMonitor<DeliveryOptions>>();
        monitor.Setup(m => m.CurrentValue).Returns(options ?? new DeliveryOptions());
        return (new SendRateLimiter(monitor.Object, clock), clock);
    }

    [Fact]
    public void One_conversation_gets_7_a_second_and_60_in_30_seconds()
    {
        var (limiter, clock) = Create();
        for (var i = 0; i < 7; i++) Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("c"));
        var wait = limiter.TryAcquire("c");
        Assert.InRange(wait, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.001));
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("other")); // another conversation is not held up

        // Keep sending as fast as allowed: the 61st send in 30 seconds must wait for the first to leave the window.
        var sent = 7;
        while (sent < 60)
        {
            var w = limiter.TryAcquire("c");
            if (w > TimeSpan.Zero) clock.Advance(w);
            else sent++;
        }
        Assert.True(clock.GetUtcNow() - T0 < TimeSpan.FromSeconds(30));
        var held = limiter.TryAcquire("c");
        Assert.Equal(T0.AddSeconds(30), clock.GetUtcNow() + held - TimeSpan.FromTicks(1));
    }

    [Fact]
    public void The_app_as_a_whole_stays_under_its_rate_and_a_Retry_After_pauses_the_conversation()
    {
        var (limiter, clock) = Create(new DeliveryOptions { AppPerSecond = 3 });
        Assert.All(["a", "b", "c"], k => Assert.Equal(TimeSpan.Zero, limiter.TryAcquire(k)));
        Assert.True(limiter.TryAcquire("d") > TimeSpan.Zero);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, limiter.TryAcquire("d"));

        limiter.Pause("e", clock.GetUtcNow().AddSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(5), limiter.TryAcquire("e"));
    }

    [Fact]
    public void Retry_After_is_honoured_as_seconds_or_a_date_and_back_off_grows_with_jitter_up_to_its_cap()
    {
        var now = T0;
        Assert.Equal(TimeSpan.FromSeconds(7), RetryPolicy.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), now));
        Assert.Equal(TimeSpan.FromSeconds(90), RetryPolicy.RetryAfter(new RetryConditionHeaderValue(now.AddSeconds(90)), now));
        Assert.Equal(TimeSpan.Zero, RetryPolicy.RetryAfter(new RetryConditionHeaderValue(now.AddSeconds(-5)), now));
        Assert.Null(RetryPolicy.RetryAfter(null, now));

        var options = new DeliveryOptions { RetryBaseSeconds = 2, RetryMaxSeconds = 20, MaxRetryAfterSeconds = 60 };
        var random = new Random(7);
        for (var i = 0; i < 50; i++)
        {
            Assert.InRange(RetryPolicy.Delay(1, null, options, random).TotalSeconds, 1, 2);
            Assert.InRange(RetryPolicy.Delay(3, null, options, random).TotalSeconds, 4, 8);
            Assert.InRange(RetryPolicy.Delay(9, null, options, random).TotalSeconds, 10, 20);
            Assert.InRange(RetryPolicy.Delay(1, TimeSpan.FromSeconds(5), options, random).TotalSeconds, 5, 6);
            Assert.InRange(RetryPolicy.Delay(1, TimeSpan.FromHours(1), options, random).TotalSeconds, 60, 72);
        }
    }

    [Theory]
    [InlineData(429, "Retry")]
    [InlineData(412, "Retry")]
    [InlineData(502, "Retry")]
    [InlineData(504, "Retry")]
    [InlineData(403, "Gone")]
    [InlineData(404, "Gone")]
    [InlineData(400, "Failed")]
    [InlineData(401, "Failed")]
    public void Channel_answers_are_classified(int status, string outcome) =>
        Assert.Equal(outcome, ProactiveSender.Classify(new ConnectorException(status, "{}", "http://channel/v3/conversations/c/activities"), T0).GetType().Name);
}
