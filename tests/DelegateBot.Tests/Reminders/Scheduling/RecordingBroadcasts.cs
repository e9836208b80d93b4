using System.Collections.Concurrent;
using DelegateBot.Reminders;

namespace DelegateBot.Tests.Reminders.Scheduling;

/// <summary>
/// The delivery engine's seam, recording every EnqueueAsync call with the clock's reading at that moment. It does
/// not collapse repeated keys (the real engine does), so a push fired twice shows up twice here.
/// </summary>
internal sealed class RecordingBroadcasts(TimeProvider clock) : IBroadcasts
{
    public sealed record Enqueued(BroadcastRequest Request, DateTimeOffset At);

    private readonly ConcurrentQueue<Enqueued> _calls = new();
    private readonly List<(Func<Enqueued, bool> Match, TaskCompletionSource<Enqueued> Done)> _waiters = [];

    /// <summary>The clock the calls are timed on (changes when a test restarts the host with a new clock).</summary>
    public TimeProvider Clock { get; set; } = clock;

    public IReadOnlyList<Enqueued> Calls => _calls.ToList();

    public int CountOf(string key) => _calls.Count(c => c.Request.Key == key);

    public Task<int> CountRecipientsAsync(Audience audience, CancellationToken cancellationToken = default) => Task.FromResult(1);

    public Task<BroadcastTicket> EnqueueAsync(BroadcastRequest request, CancellationToken cancellationToken = default)
    {
        var call = new Enqueued(request, Clock.GetUtcNow());
        _calls.Enqueue(call);
        lock (_waiters)
        {
            foreach (var w in _waiters.Where(w => w.Match(call)).ToList())
            {
                _waiters.Remove(w);
                w.Done.TrySetResult(call);
            }
        }
        return Task.FromResult(new BroadcastTicket("b-" + request.Key, 1, AlreadyExisted: false));
    }

    /// <summary>The first call whose key starts with <paramref name="keyPrefix"/>, already made or still to come.
    /// The real-time limit only keeps a broken scheduler from hanging the run; nothing is measured by it.</summary>
    public async Task<Enqueued> WaitForAsync(string keyPrefix)
    {
        Func<Enqueued, bool> match = c => c.Request.Key.StartsWith(keyPrefix, StringComparison.Ordinal);
        TaskCompletionSource<Enqueued> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (_calls.FirstOrDefault(match) is { } already) return already;
            _waiters.Add((match, done));
        }
        try { return await done.Task.WaitAsync(TimeSpan.FromSeconds(60)); }
        catch (TimeoutException) { throw new Xunit.Sdk.XunitException($"No broadcast with key {keyPrefix}... was enqueued; calls: {string.Join(", ", _calls.Select(c => c.Request.Key))}"); }
    }
}
