using Microsoft.Extensions.Options;

namespace DelegateBot.Reminders.Delivery;

/// <summary>
/// Keeps sends under the per-app and per-conversation limits. Teams states its limits as counts in windows (7 in
/// 1 s, 60 in 30 s, 1800 in an hour), so each is a sliding window over the times of recent sends: exact where a token
/// bucket would allow a burst over the 30-second limit. Waits run on the injected clock.
/// </summary>
public sealed class SendRateLimiter(IOptionsMonitor<DeliveryOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan HalfMinute = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly List<DateTimeOffset> _app = [];
    private readonly Dictionary<string, Log> _conversations = new(StringComparer.Ordinal);
    private int _acquisitions;

    private sealed class Log
    {
        public List<DateTimeOffset> Sends { get; } = [];
        public DateTimeOffset PausedUntil { get; set; }
    }

    /// <summary>Waits until one more send to <paramref name="conversationKey"/> is within every limit, and counts it.</summary>
    public async Task AcquireAsync(string conversationKey, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = TryAcquire(conversationKey);
            if (wait <= TimeSpan.Zero) return;
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Zero when the send may go now (and is counted); otherwise how long to wait before asking again.</summary>
    public TimeSpan TryAcquire(string conversationKey)
    {
        var o = options.CurrentValue;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (++_acquisitions % 1024 == 0) ForgetIdle(now);
            if (!_conversations.TryGetValue(conversationKey, out var log)) _conversations[conversationKey] = log = new Log();
            Prune(_app, now - Second);
            Prune(log.Sends, now - Hour);
            var wait = Max(
                log.PausedUntil - now,
                Wait(_app, o.AppPerSecond, Second, now),
                Wait(log.Sends, o.ConversationPerSecond, Second, now),
                Wait(log.Sends, o.ConversationPer30Seconds, HalfMinute, now),
                Wait(log.Sends, o.ConversationPerHour, Hour, now));
            if (wait > TimeSpan.Zero) return wait;
            _app.Add(now);
            log.Sends.Add(now);
            return TimeSpan.Zero;
        }
    }

    /// <summary>The channel said "not before <paramref name="until"/>" (Retry-After) for this conversation.</summary>
    public void Pause(string conversationKey, DateTimeOffset until)
    {
        lock (_gate)
        {
            if (!_conversations.TryGetValue(conversationKey, out var log)) _conversations[conversationKey] = log = new Log();
            if (until > log.PausedUntil) log.PausedUntil = until;
        }
    }

    /// <summary>How long until fewer than <paramref name="limit"/> of the sends (oldest first) fall within the window.</summary>
    private static TimeSpan Wait(List<DateTimeOffset> sends, int limit, TimeSpan window, DateTimeOffset now)
    {
        var from = now - window;
        var first = sends.FindIndex(t => t > from);
        if (first < 0) return TimeSpan.Zero;
        var inWindow = sends.Count - first;
        if (inWindow < limit) return TimeSpan.Zero;
        // The send that must leave the window before one more fits; a tick later it has.
        return sends[sends.Count - limit] + window - now + TimeSpan.FromTicks(1);
    }

    private static void Prune(List<DateTimeOffset> sends, DateTimeOffset before)
    {
        var keep = sends.FindIndex(t => t > before);
        if (keep < 0) sends.Clear();
        else if (keep > 0) sends.RemoveRange(0, keep);
    }

    private void ForgetIdle(DateTimeOffset now)
    {
        foreach (var (key, log) in _conversations.ToList())
        {
            Prune(log.Sends, now - Hour);
            if (log.Sends.Count == 0 && log.PausedUntil <= now) _conversations.Remove(key);
        }
    }

    private static TimeSpan Max(params TimeSpan[] values) => values.Max();
}
