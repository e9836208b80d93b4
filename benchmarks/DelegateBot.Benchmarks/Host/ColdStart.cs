using DelegateBot.Benchmarks.Corpus;
using System.Diagnostics;
using DelegateBot.Benchmarks.Core;
using DelegateBot.Benchmarks.Hosting;
using DelegateBot.Benchmarks.Measurement;

namespace DelegateBot.Benchmarks.Host;

/// <param name="MedianCpuMs">CPU time (user + system) the process used up to the answer: what a busy machine distorts least.</param>
public sealed record ColdStartResult(string What, string Corpus, int Runs, double MedianMs, double MinMs, double MaxMs, IReadOnlyList<double> SamplesMs, string Machine,
    double? MedianCpuMs = null);

/// <summary>
/// Cold start to the first answer of the real built executable: `DelegateBot.dll ask "question"` from
/// Process.Start to the answer's first line on stdout; and the service from Process.Start to the first answer of
/// POST /api/messages (expectReplies). The first run of each pays for a cold file cache and is reported too.
/// With a published folder (dotnet publish -r RID: ReadyToRun, as deployed) both are measured on it as well.
/// </summary>
internal static class ColdStart
{
    private const string Question = "When is the GFMD in Manila?";

    public static async Task<int> RunAsync(int runs, IReadOnlyList<string> corpora, string? published = null)
    {
        var builds = new List<(string Label, string Dll)> { ("", RepoPaths.HostDll) };
        if (published is not null) builds.Add((", published ReadyToRun", Path.Combine(Path.GetFullPath(published), "DelegateBot.dll")));
        var results = new List<ColdStartResult>();
        foreach (var corpus in corpora)
        {
            var (folder, questions) = Corpora.Resolve(corpus);
            var question = corpus == "seeds" ? Question : questions[0].Text;
            var n = corpus == "seeds" ? runs : Math.Max(1, runs / 5);
            foreach (var (label, dll) in builds)
            {
                results.Add(Summarize("ask CLI" + label, corpus, await Repeat(n, () => AskOnceAsync(dll, folder, question))));
                results.Add(Summarize("service" + label, corpus, await Repeat(Math.Max(1, n / 2), () => ServiceOnceAsync(dll, folder, question))));
            }
        }
        foreach (var r in results)
            Console.WriteLine($"{r.What,-30} {r.Corpus,6}: median {r.MedianMs,7:0} ms  min {r.MinMs,7:0}  max {r.MaxMs,7:0}  CPU median {r.MedianCpuMs,6:0} ms  ({r.Runs} runs: {string.Join(", ", r.SamplesMs.Select(s => s.ToString("0")))})");
        Console.WriteLine($"-> {ResultFiles.Write("cold-start", results)}");
        return 0;
    }

    private static async Task<List<(double Ms, double? CpuMs)>> Repeat(int n, Func<Task<(double, double?)>> once)
    {
        var samples = new List<(double, double?)>();
        for (var i = 0; i < n; i++) samples.Add(await once());
        return samples;
    }

    private static ColdStartResult Summarize(string what, string corpus, List<(double Ms, double? CpuMs)> samples)
    {
        var s = Percentiles.Summarize(samples.Select(x => x.Ms));
        var cpu = samples.Where(x => x.CpuMs is not null).Select(x => x.CpuMs!.Value).ToList();
        return new ColdStartResult(what, corpus, samples.Count, s.P50, s.Min, s.Max, samples.Select(x => x.Ms).ToList(), MachineInfo.Describe(),
            cpu.Count > 0 ? Percentiles.Summarize(cpu).P50 : null);
    }

    private static async Task<(double, double?)> AskOnceAsync(string dll, string folder, string question)
    {
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build the host first: {dll}");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "ask", "--knowledge", folder, question }) info.ArgumentList.Add(a);
        var start = Stopwatch.GetTimestamp();
        using var process = Process.Start(info)!;
        _ = process.StandardError.ReadToEndAsync();
        var first = await process.StandardOutput.ReadLineAsync();
        var elapsed = MachineInfo.MsSince(start);
        var cpu = ProcessCpu.Seconds(process.Id) * 1000;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || string.IsNullOrEmpty(first)) throw new InvalidOperationException($"ask exited with {process.ExitCode}: {first}");
        return (elapsed, cpu);
    }

    private static async Task<(double, double?)> ServiceOnceAsync(string dll, string folder, string question)
    {
        await using var host = await HostProcess.StartAsync(new HostSettings(folder) { HostDll = dll });
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        await BotMessages.AskAsync(http, host.BaseUrl, question);
        return (MachineInfo.MsSince(host.StartedTimestamp), ProcessCpu.Seconds(host.Pid) * 1000);
    }
}
