namespace DelegateBot.Reminders.Delivery;

/// <summary>Wakes the delivery worker of this process when work is enqueued (other processes' work is found by polling).</summary>
public sealed class DeliverySignal
{
    private TaskCompletionSource _pulse = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set() => Volatile.Read(ref _pulse).TrySetResult();

    /// <summary>Returns when <see cref="Set"/> was called since the last wait, or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var pulse = Volatile.Read(ref _pulse);
        try { await pulse.Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false); }
        catch (TimeoutException) { }
        if (pulse.Task.IsCompleted) Interlocked.CompareExchange(ref _pulse, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), pulse);
    }
}

/// <summary>
/// The delivery engine's front door (<see cref="IBroadcasts"/>): resolves the audience, writes one ledger row per
/// conversation in one transaction under the request's unique key, and wakes the worker. The CLI uses it too; the
/// running service's worker then finds the rows by polling.
/// </summary>
public sealed class BroadcastEngine(AudienceResolver audiences, BroadcastLedger ledger, DeliverySignal signal, TimeProvider time, ILogger<BroadcastEngine> logger) : IBroadcasts
{
    public async Task<int> CountRecipientsAsync(Audience audience, CancellationToken cancellationToken = default) =>
        (await audiences.ResolveAsync(audience, cancellationToken)).Count;

    public async Task<BroadcastTicket> EnqueueAsync(BroadcastRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Key);
        ArgumentNullException.ThrowIfNull(request.Message);
        // The common repeat (a push fired again, a double click) stops here, without resolving the audience.
        if (await ledger.FindAsync(request.Key, cancellationToken) is { } earlier && earlier.Key == request.Key)
            return new BroadcastTicket(earlier.Id, earlier.Recipients, AlreadyExisted: true);

        var recipients = (await audiences.ResolveAsync(request.Audience, cancellationToken)).Select(s => s.Key).ToList();
        var (broadcast, existed) = await ledger.CreateAsync(request, recipients, time.GetUtcNow(), cancellationToken);
        if (!existed)
        {
            logger.LogInformation("Broadcast {Id} ({Key}) by {By} enqueued for {Count} conversation(s)", broadcast.Id, request.Key, request.RequestedBy, broadcast.Recipients);
            signal.Set();
        }
        return new BroadcastTicket(broadcast.Id, broadcast.Recipients, existed);
    }
}
