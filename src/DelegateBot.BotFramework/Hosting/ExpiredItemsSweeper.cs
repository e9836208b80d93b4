using DelegateBot.BotFramework.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DelegateBot.BotFramework.Hosting;

/// <summary>
/// Deletes expired storage items (redelivery records) at start and then every StorageSweepInterval, on the
/// injected clock. Several instances sweeping the same database is harmless: the DELETE is idempotent.
/// </summary>
internal sealed class ExpiredItemsSweeper(IStorage storage, IOptions<BotFrameworkOptions> options, TimeProvider time, ILogger<ExpiredItemsSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (storage is not IExpiringStorage expiring)
        {
            logger.LogInformation("{Storage} has no expiring items; redelivery records are kept", storage.GetType().Name);
            return;
        }
        using var timer = new PeriodicTimer(options.Value.StorageSweepInterval, time);
        do
        {
            try
            {
                var deleted = await expiring.DeleteExpiredAsync(time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                if (deleted > 0) logger.LogDebug("Deleted {Count} expired storage items", deleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not delete expired storage items; trying again in {Interval}", options.Value.StorageSweepInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
