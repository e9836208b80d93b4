using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DelegateBot.Core.Agenda;

/// <summary>Re-applies agenda.yaml when the organiser saves it, so a correction shows without a restart.</summary>
internal sealed class AgendaOverridesWatcher(AgendaService agenda, IOptions<AgendaOptions> options, ILogger<AgendaOverridesWatcher> logger) : IHostedService, IDisposable
{
    private FileSystemWatcher? _watcher;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = agenda.KnowledgeFolder;
        if (!options.Value.WatchOverrides || !Directory.Exists(folder)) return Task.CompletedTask;
        _watcher = new FileSystemWatcher(folder, options.Value.OverridesFile) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
        FileSystemEventHandler changed = (_, _) =>
        {
            try { agenda.ReloadOverrides(); }
            catch (Exception e) { logger.LogError(e, "Could not reload {File}", options.Value.OverridesFile); }
        };
        _watcher.Changed += changed;
        _watcher.Created += changed;
        _watcher.Deleted += changed;
        _watcher.Renamed += (s, e) => changed(s, e);
        _watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _watcher = null;
    }
}
