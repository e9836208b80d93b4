using System.Collections.Concurrent;
using DelegateBot.Reminders.Subscriptions;
using Microsoft.Extensions.Options;

namespace DelegateBot.Reminders.Delivery;

/// <summary>
/// Sends what the ledger holds: woken when this process enqueues, and polling so that work enqueued elsewhere (the
/// CLI, another instance), retries falling due and sends abandoned by a dead instance are found. At most
/// <see cref="DeliveryOptions.Concurrency"/> sends run at once and one at a time per conversation, each under the
/// rate limits; each is claimed in the ledger just before it goes and recorded just after, so a crash leaves at
/// most the in-flight sends unrecorded (retried after their lease, and counted as "resumed" in the report).
/// </summary>
public sealed class DeliveryWorker(
    BroadcastLedger ledger,
    SubscriptionStore subscriptions,
    ProactiveSender sender,
    SendRateLimiter limiter,
    DeliverySignal signal,
    IOptionsMonitor<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
    // Cancelled when the shutdown grace period is over: sends still in flight are abandoned to their lease.
    private readonly CancellationTokenSource _abort = new();
    private readonly ConcurrentDictionary<string, byte> _busyConversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly Random _random = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.CurrentValue;
        using var slots = new SemaphoreSlim(o.Concurrency);
        logger.LogInformation("Delivery worker {Owner} started", _owner);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var due = await ledger.DueAsync(time.GetUtcNow(), o.BatchSize, stoppingToken);
                    var started = 0;
                    foreach (var row in due)
                    {
                        // One send at a time per conversation keeps its messages in order and its limits simple.
                        if (!_busyConversations.TryAdd(row.ConversationKey, 0)) continue;
                        try { await slots.WaitAsync(stoppingToken); }
                        catch (OperationCanceledException) { _busyConversations.TryRemove(row.ConversationKey, out _); throw; }
                        started++;
                        var task = DeliverAsync(row, slots, stoppingToken);
                        _running.TryAdd(task, 0);
                        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    }
                    // Due rows all held by conversations already sending wait for a send to finish (it signals).
                    if (started == 0) await WaitForWorkAsync(o, anyDueNow: due.Count > 0, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
                catch (Exception e)
                {
                    // The database was busy or unreachable: say so and look again later, never give up.
                    logger.LogError(e, "The delivery worker could not read the ledger; trying again in {Seconds} s", o.PollSeconds);
                    try { await Task.Delay(TimeSpan.FromSeconds(o.PollSeconds), time, stoppingToken); }
                    catch (OperationCanceledException) { break; }
                }
            }
        }
        finally
        {
            await Task.WhenAll(_running.Keys);
            logger.LogInformation("Delivery worker {Owner} stopped", _owner);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // WebApplicationFactory on Kestrel can stop a host whose services it already disposed: nothing runs any more.
        try { _abort.CancelAfter(TimeSpan.FromSeconds(options.CurrentValue.ShutdownGraceSeconds)); }
        catch (ObjectDisposedException) { return; }
        try { await base.StopAsync(cancellationToken); }
        finally
        {
            try { await _abort.CancelAsync(); } catch (ObjectDisposedException) { }
        }
    }

    public override void Dispose()
    {
        try { _abort.Cancel(); } catch (ObjectDisposedException) { }
        _abort.Dispose();
        base.Dispose();
    }

    /// <summary>Sleeps until this process enqueues or finishes a send, the next row falls due, or the poll interval passes.</summary>
    private async Task WaitForWorkAsync(DeliveryOptions o, bool anyDueNow, CancellationToken stoppingToken)
    {
        var wait = TimeSpan.FromSeconds(o.PollSeconds);
        if (!anyDueNow && await ledger.NextDueAsync(stoppingToken) is { } next)
        {
            var until = next - time.GetUtcNow();
            if (until < wait) wait = until < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : until;
        }
        await signal.WaitAsync(wait, time, stoppingToken);
    }

    private async Task DeliverAsync(DeliveryRow row, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var claimed = false;
        try
        {
            var o = options.CurrentValue;
            // Read first, so that between taking a rate slot and the send there is only the claim: the channel counts
            // sends as they arrive, and the less happens in between, the less often a send lands in a window the
            // limiter thought it had left. A conversation that cannot be sent to takes no slot at all.
            var subscription = await subscriptions.GetAsync(row.ConversationKey, stoppingToken);
            var reason = NotDeliverable(subscription);
            var message = reason is null ? await ledger.MessageJsonAsync(row.BroadcastId, stoppingToken) : null;
            // Stopping before the claim leaves the row pending for the next run; after it, the send may finish.
            if (reason is null) await limiter.AcquireAsync(row.ConversationKey, stoppingToken);
            var now = time.GetUtcNow();
            if (!await ledger.ClaimAsync(row, _owner, now, now + TimeSpan.FromSeconds(o.LeaseSeconds), stoppingToken)) return;
            claimed = true;
            var attempts = row.Attempts + 1;
            if (reason is not null)
            {
                await ledger.MarkFailedAsync(row, _owner, reason, time.GetUtcNow(), CancellationToken.None);
                return;
            }
            var outcome = await sender.SendAsync(subscription!, message!, _abort.Token);
            await RecordAsync(row, subscription!, attempts, outcome, o);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested || _abort.IsCancellationRequested)
        {
            // Shutting down: an unclaimed row stays pending; a claimed one's outcome is unknown, so it waits for its lease.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Delivering broadcast {Broadcast} to {Conversation} failed unexpectedly", row.BroadcastId, row.ConversationKey);
            if (claimed)
            {
                try { await ledger.MarkRetryAsync(row, _owner, time.GetUtcNow() + TimeSpan.FromSeconds(options.CurrentValue.RetryMaxSeconds), $"internal error: {e.GetType().Name}", time.GetUtcNow(), CancellationToken.None); }
                catch (Exception again) { logger.LogError(again, "Could not record the failure; the row will be retried after its lease"); }
            }
        }
        finally
        {
            _busyConversations.TryRemove(row.ConversationKey, out _);
            slots.Release();
            signal.Set();
        }
    }

    private async Task RecordAsync(DeliveryRow row, Subscription subscription, int attempts, SendOutcome outcome, DeliveryOptions o)
    {
        // Recorded even while shutting down: the send happened, and its outcome is what must not be lost.
        var now = time.GetUtcNow();
        switch (outcome)
        {
            case SendOutcome.Sent sent:
                await ledger.MarkSentAsync(row, _owner, sent.ActivityId, now, CancellationToken.None);
                break;
            case SendOutcome.Gone gone:
                await subscriptions.MarkInactiveAsync(subscription.Key, gone.Why, CancellationToken.None);
                await ledger.MarkFailedAsync(row, _owner, gone.Why, now, CancellationToken.None);
                logger.LogInformation("Subscription {Conversation} is now inactive: {Reason}", subscription.Key, gone.Why);
                break;
            case SendOutcome.Failed failed:
                await ledger.MarkFailedAsync(row, _owner, failed.Why, now, CancellationToken.None);
                logger.LogWarning("Broadcast {Broadcast} to {Conversation} failed: {Reason}", row.BroadcastId, row.ConversationKey, failed.Why);
                break;
            case SendOutcome.Retry retry when attempts >= o.MaxAttempts:
                await ledger.MarkFailedAsync(row, _owner, $"{retry.Why} (gave up after {attempts} attempts)", now, CancellationToken.None);
                logger.LogWarning("Broadcast {Broadcast} to {Conversation} failed after {Attempts} attempts: {Reason}", row.BroadcastId, row.ConversationKey, attempts, retry.Why);
                break;
            case SendOutcome.Retry retry:
                TimeSpan delay;
                lock (_random) delay = RetryPolicy.Delay(attempts, retry.RetryAfter, o, _random);
                if (retry.RetryAfter is not null) limiter.Pause(subscription.Key, now + delay);
                await ledger.MarkRetryAsync(row, _owner, now + delay, retry.Why, now, CancellationToken.None);
                logger.LogDebug("Broadcast {Broadcast} to {Conversation}: {Reason}, retry in {Delay}", row.BroadcastId, row.ConversationKey, retry.Why, delay);
                break;
        }
    }

    private static string? NotDeliverable(Subscription? subscription) => subscription switch
    {
        null => "no such subscription",
        { StoppedAt: not null } => "not sent: the conversation said \"stop reminders\"",
        { InactiveAt: not null } s => $"not sent: the conversation is inactive ({s.InactiveReason})",
        _ => null,
    };
}
