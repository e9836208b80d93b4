using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DelegateBot.Benchmarks.Hosting;

/// <summary>What to run the real host on: a knowledge folder, a temp data folder, extra settings.</summary>
public sealed record HostSettings(string KnowledgeFolder)
{
    /// <summary>The host to run: the Release build by default, or e.g. a published (ReadyToRun) DelegateBot.dll.</summary>
    public string HostDll { get; init; } = RepoPaths.HostDll;

    public IDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// The built DelegateBot service (src/DelegateBot/bin/Release/net10.0/DelegateBot.dll, or another build) as a child process, in
/// anonymous mode on a random loopback port, with its state in a temp folder that is deleted afterwards.
/// Its output is drained (and the last lines kept for error messages) so it never blocks on a full pipe.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataFolder;
    private readonly Queue<string> _lastLines = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process, string dataFolder, long started)
    {
        _process = process;
        _dataFolder = dataFolder;
        StartedTimestamp = started;
    }

    public int Pid => _process.Id;
    public Uri BaseUrl { get; private set; } = null!;
    /// <summary>Stopwatch timestamp just before Process.Start.</summary>
    public long StartedTimestamp { get; }
    public bool HasExited => _process.HasExited;

    public string RecentOutput
    {
        get { lock (_lastLines) return string.Join('\n', _lastLines); }
    }

    public static async Task<HostProcess> StartAsync(HostSettings settings, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(settings.HostDll))
            throw new FileNotFoundException($"The host is not built: {settings.HostDll}. Run `dotnet build src/DelegateBot -c Release` (benchmarks/run.sh does).");
        var data = Directory.CreateTempSubdirectory("delegatebot-bench-data-").FullName;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root, // the content root: appsettings.json, dialogs/
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { settings.HostDll, "--urls", "http://127.0.0.1:0" }) info.ArgumentList.Add(arg);
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment["Knowledge__Path"] = Path.GetFullPath(settings.KnowledgeFolder);
        info.Environment["Storage__SqlitePath"] = Path.Combine(data, "delegatebot.db");
        info.Environment["MicrosoftAppId"] = ""; // anonymous mode: no tokens in or out
        foreach (var (key, value) in settings.Environment) info.Environment[key] = value;

        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var host = new HostProcess(process, data, started);
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = process.WaitForExitAsync(CancellationToken.None).ContinueWith(_ =>
            host._listening.TrySetException(new InvalidOperationException($"The host exited with code {process.ExitCode} before listening:\n{host.RecentOutput}")), TaskScheduler.Default);
        try
        {
            host.BaseUrl = await host._listening.Task.WaitAsync(settings.StartTimeout, cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > 40) _lastLines.Dequeue();
        }
        if (Listening().Match(line) is { Success: true } m) _listening.TrySetResult(new Uri(m.Groups[1].Value.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        _process.Dispose();
        try { Directory.Delete(_dataFolder, true); } catch (IOException) { } // best effort: a temp folder
    }

    [GeneratedRegex(@"Now listening on:\s*(http://\S+)")]
    private static partial Regex Listening();
}
