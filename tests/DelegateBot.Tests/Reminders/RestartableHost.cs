using Microsoft.Extensions.Hosting;

namespace DelegateBot.Tests.Reminders;

/// <summary>
/// A generic host (no web server) over files in a temp folder, which a test stops and starts again on the same
/// files, as a redeploy or a crash and restart would. Subclasses say what the host holds.
/// </summary>
internal abstract class RestartableHost(string folderPrefix) : IAsyncDisposable
{
    private IHost? _host;

    public string Folder { get; } = Directory.CreateTempSubdirectory(folderPrefix).FullName;
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The host is stopped.");
    protected bool IsRunning => _host is not null;

    protected abstract void Configure(HostApplicationBuilder builder);

    protected async Task StartHostAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Folder, Args = [] });
        Configure(builder);
        _host = builder.Build();
        await _host.StartAsync();
    }

    protected async Task StopHostAsync()
    {
        if (_host is null) return;
        await _host.StopAsync();
        _host.Dispose();
        _host = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
