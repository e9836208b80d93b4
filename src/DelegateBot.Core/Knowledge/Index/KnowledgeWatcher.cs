using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DelegateBot.Core.Knowledge.Index;

/// <summary>
/// Keeps the index in step with the knowledge folder in the running service: builds it at start-up, re-indexes
/// shortly after files are added, changed or removed (file-system events, debounced so a copy in progress is
/// read once), and rescans periodically in case events were lost.
/// </summary>
public sealed class KnowledgeWatcher(KnowledgeIndex index, IOptions<KnowledgeOptions> options, TimeProvider time, ILogger<KnowledgeWatcher> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _changed = new(0, int.MaxValue);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting while the first build runs
        var settings = options.Value;
        SafeRefresh(force: false);
        if (!settings.Watch) return;

        using var watcher = CreateWatcher(index.FolderPath);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var signalled = await WaitForChangeAsync(settings.RescanInterval, stoppingToken);
                if (signalled)
                {
                    // Debounce: wait until the folder has been quiet for ReloadDelay.
                    while (await WaitForChangeAsync(settings.ReloadDelay, stoppingToken)) { }
                }
                SafeRefresh(force: false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>True when a change was signalled within <paramref name="timeout"/> (measured on the injected clock).</summary>
    private async Task<bool> WaitForChangeAsync(TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var wait = _changed.WaitAsync(cts.Token);
        var delay = Task.Delay(timeout, time, cts.Token);
        await Task.WhenAny(wait, delay);
        cts.Cancel();
        try
        {
            await wait;
            return true;
        }
        catch (OperationCanceledException)
        {
            stoppingToken.ThrowIfCancellationRequested();
            return false;
        }
    }

    private void SafeRefresh(bool force)
    {
        try
        {
            index.Refresh(force);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "Refreshing the knowledge index failed; answering from the previous index");
        }
    }

    private FileSystemWatcher? CreateWatcher(string folder)
    {
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Knowledge folder {Folder} does not exist; it will be picked up by the periodic rescan once created", folder);
            return null;
        }
        try
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Created += (_, _) => _changed.Release();
            watcher.Changed += (_, _) => _changed.Release();
            watcher.Deleted += (_, _) => _changed.Release();
            watcher.Renamed += (_, _) => _changed.Release();
            watcher.Error += (_, e) =>
            {
                logger.LogWarning(e.GetException(), "File watching of {Folder} failed; relying on the periodic rescan", folder);
                _changed.Release();
            };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException)
        {
            logger.LogWarning(ex, "Cannot watch {Folder}; relying on the periodic rescan", folder);
            return null;
        }
    }

    public override void Dispose()
    {
        _changed.Dispose();
        base.Dispose();
    }
}
