using System.Net.Http.Headers;

namespace DelegateBot.Reminders.Delivery;

/// <summary>When to try a failed send again: the channel's Retry-After when it gave one, else exponential back-off with jitter.</summary>
public static class RetryPolicy
{
    /// <summary>Statuses worth retrying: throttled (429), precondition failed (412, Teams asks for retries), timeouts and gateway trouble.</summary>
    public static bool IsTransient(int status) => status is 408 or 412 or 429 or 500 or 502 or 503 or 504;

    /// <param name="attempt">The attempt that just failed, from 1.</param>
    /// <param name="retryAfter">The channel's wish, already turned into a delay.</param>
    public static TimeSpan Delay(int attempt, TimeSpan? retryAfter, DeliveryOptions options, Random random)
    {
        if (retryAfter is { } asked && asked > TimeSpan.Zero)
        {
            // At least what the channel asked (capped), plus up to a fifth more so throttled sends do not return together.
            var capped = TimeSpan.FromSeconds(Math.Min(asked.TotalSeconds, options.MaxRetryAfterSeconds));
            return capped + capped * (random.NextDouble() * 0.2);
        }
        var ceiling = Math.Min(options.RetryMaxSeconds, options.RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempt - 1)));
        // "Equal jitter": half the back-off for sure, the other half at random.
        return TimeSpan.FromSeconds(ceiling / 2 + random.NextDouble() * ceiling / 2);
    }

    /// <summary>Retry-After as a delay from <paramref name="now"/>: seconds, or an HTTP date (a date already past is no wait).</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header is null) return null;
        if (header.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header.Date is { } date) return date > now ? date - now : TimeSpan.Zero;
        return null;
    }
}
