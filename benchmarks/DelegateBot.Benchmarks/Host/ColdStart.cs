using DelegateBot.Benchmarks.Corpus;
using System.Diagnostics;
using DelegateBot.Benchmarks.Core;
using DelegateBot.Benchmarks.Hosting;
using DelegateBot.Benchmarks.Measurement;

namespace DelegateBot.Benchmarks.Host;

public sealed record ColdStartResult(string What, string Corpus, int Runs, double MedianMs, double MinMs, double MaxMs, IReadOnlyList<double> SamplesMs, string Machine);

/// <summary>
/// Cold start to the first answer of the real built executable: `DelegateBot.dll ask "question"` from
/// Process.Start to the answer's first line on stdout; and the service from Process.Start to the first answer of
/// POST /api/messages (expectReplies). The first run of each pays for a cold file cache and is reported too.
/// </summary>
internal static class ColdStart
{
    private const string Question = "When is the GFMD in Manila?";

    public static async Task<int> RunAsync(int runs, IReadOnlyList<string> corpora)
    {
        var results = new List<ColdStartResult>();
        foreach (var corpus in corpora)
        {
            var (folder, questions) = Corpora.Resolve(corpus);
            var question = corpus == "seeds" ? Question : questions[0].Text;
            var n = corpus == "seeds" ? runs : Math.Max(1, runs / 5);
            results.Add(Summarize("ask CLI", corpus, await Repeat(n, () => AskOnceAsync(folder, question))));
            results.Add(Summarize("service", corpus, await Repeat(Math.Max(1, n / 2), () => ServiceOnceAsync(folder, question))));
        }
        foreach (var r in results)
            Console.WriteLine($"{r.What,-8} {r.Corpus,6}: median {r.MedianMs,7:0} ms  min {r.MinMs,7:0}  max {r.MaxMs,7:0}  ({r.Runs} runs: {string.Join(", ", r.SamplesMs.Select(s => s.ToString("0")))})");
        Console.WriteLine($"-> {ResultFiles.Write("cold-start", results)}");
        return 0;
    }

    private static async Task<List<double>> Repeat(int n, Func<Task<double>> once)
    {
        var samples = new List<double>();
        for (var i = 0; i < n; i++) samples.Add(await once());
        return samples;
    }

    private static ColdStartResult Summarize(string what, string corpus, List<double> samples)
    {
        var s = Percentiles.Summarize(samples);
        return new ColdStartResult(what, corpus, samples.Count, s.P50, s.Min, s.Max, samples, MachineInfo.Describe());
    }

    private static async Task<double> AskOnceAsync(string folder, string question)
    {
        if (!File.Exists(RepoPaths.HostDll)) throw new FileNotFoundException($"Build the host first: {RepoPaths.HostDll}");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { RepoPaths.HostDll, "ask", "--knowledge", folder, question }) info.ArgumentList.Add(a);
        var start = Stopwatch.GetTimestamp();
        using var process = Process.Start(info)!;
        _ = process.StandardError.ReadToEndAsync();
        var first = await process.StandardOutput.ReadLineAsync();
        var elapsed = MachineInfo.MsSince(start);
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || string.IsNullOrEmpty(first)) throw new InvalidOperationException($"ask exited with {process.ExitCode}: {first}");
        return elapsed;
    }

    private static async Task<double> ServiceOnceAsync(string folder, string question)
    {
        await using var host = await HostProcess.StartAsync(new HostSettings(folder));
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        await BotMessages.AskAsync(http, host.BaseUrl, question);
        return MachineInfo.MsSince(host.StartedTimestamp);
    }
}
