namespace DelegateBot.Benchmarks.Channel;

/// <summary>
/// Sliding-log rate limiting by key: a call is accepted when, for every window, fewer than its limit were
/// accepted within that window before it. Rejected calls are not counted. Exact, and small enough at test scale
/// (a key keeps at most the largest limit's timestamps).
/// </summary>
public sealed class SlidingWindowLimiter(IReadOnlyList<RateWindow> windows, TimeProvider time)
{
    private readonly TimeSpan _longest = windows.Count == 0 ? TimeSpan.Zero : windows.Max(w => w.Window);
    private readonly Dictionary<string, Queue<long>> _logs = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Accepts (and counts) a call, or says how long to wait before the window admits one.</summary>
    public bool TryAcquire(string key, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (windows.Count == 0) return true;
        var now = time.GetTimestamp();
        lock (_gate)
        {
            if (!_logs.TryGetValue(key, out var log)) _logs[key] = log = new Queue<long>();
            while (log.Count > 0 && time.GetElapsedTime(log.Peek(), now) >= _longest) log.Dequeue();
            foreach (var w in windows)
            {
                if (CountWithin(log, now, w.Window, out var oldest) < w.Limit) continue;
                var wait = w.Window - time.GetElapsedTime(oldest, now);
                if (wait > retryAfter) retryAfter = wait;
            }
            if (retryAfter > TimeSpan.Zero) return false;
            log.Enqueue(now);
            return true;
        }
    }

    /// <summary>Accepted calls within the window ending now, and the oldest of them (the one whose expiry frees a slot).</summary>
    private int CountWithin(Queue<long> log, long now, TimeSpan window, out long oldestInWindow)
    {
        var count = 0;
        oldestInWindow = now;
        // The queue is in time order: count from the newest back would need indexing; the log is short, so scan.
        foreach (var t in log)
        {
            if (time.GetElapsedTime(t, now) >= window) continue;
            if (count == 0) oldestInWindow = t;
            count++;
        }
        return count;
    }
}
