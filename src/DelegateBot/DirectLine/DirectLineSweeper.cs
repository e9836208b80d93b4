namespace DelegateBot.DirectLine;

/// <summary>Forgets idle Direct Line conversations every minute, so memory follows the conversations in use.</summary>
public sealed class DirectLineSweeper(DirectLineConversationStore store, TimeProvider time, ILogger<DirectLineSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var removed = store.RemoveIdle();
                if (removed > 0) logger.LogInformation("Direct Line: forgot {Count} idle conversations ({Left} left)", removed, store.Count);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
