using DelegateBot.Benchmarks.Corpus;
using System.Diagnostics;
using System.Text.Json;
using DelegateBot.Benchmarks.Core;
using DelegateBot.Benchmarks.Measurement;

namespace DelegateBot.Benchmarks.Index;

/// <summary>One corpus's build: sizes, times (first build with JIT, then a warm rebuild), memory.</summary>
public sealed record IndexBuildResult(
    string Corpus, int Documents, int Passages, double TextMb,
    double ColdIndexSeconds, double WarmIndexSeconds, double AgendaSeconds, double FirstAnswerMs,
    double IndexCpuSeconds, double AgendaCpuSeconds,
    double MbPerSecond, double PeakRssMb, double RssWithIndexMb, double ManagedHeapMb, string Machine);

/// <summary>
/// Index build throughput (MB of document text per second) and peak resident memory, per corpus size. Each size
/// runs in a child process of its own, so its peak resident memory (VmHWM) is its own.
/// </summary>
internal static class IndexBuild
{
    public static async Task<int> RunAsync(IReadOnlyList<string> corpora)
    {
        var results = new List<IndexBuildResult>();
        foreach (var corpus in corpora)
        {
            Corpora.Resolve(corpus); // generate outside the measured child
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            info.ArgumentList.Add(typeof(IndexBuild).Assembly.Location);
            info.ArgumentList.Add("index-child");
            info.ArgumentList.Add(corpus);
            using var child = Process.Start(info)!;
            var output = await child.StandardOutput.ReadToEndAsync();
            await child.WaitForExitAsync();
            var line = output.Split('\n').LastOrDefault(l => l.StartsWith('{'));
            if (child.ExitCode != 0 || line is null)
            {
                Console.Error.WriteLine($"index build of {corpus} failed (exit {child.ExitCode}):\n{output}");
                return 1;
            }
            var result = JsonSerializer.Deserialize<IndexBuildResult>(line)!;
            results.Add(result);
            Console.WriteLine($"{result.Corpus,6}: {result.Documents,6} documents, {result.Passages,7} passages, {result.TextMb,7:0.0} MB  " +
                              $"build {result.WarmIndexSeconds,6:0.00} s warm ({result.ColdIndexSeconds:0.00} s first) = {result.MbPerSecond,5:0.00} MB/s, " +
                              $"agenda {result.AgendaSeconds:0.00} s (CPU: index {result.IndexCpuSeconds:0.00} s, agenda {result.AgendaCpuSeconds:0.00} s), peak RSS {result.PeakRssMb:0} MB, RSS with index {result.RssWithIndexMb:0} MB");
        }
        Console.WriteLine($"-> {ResultFiles.Write("index-build", results)}");
        return 0;
    }

    /// <summary>In the child: build, rebuild warm, then measure memory with the index alive.</summary>
    public static int Child(string corpus)
    {
        var (folder, questions) = Corpora.Resolve(corpus);
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".txt") || f.EndsWith(".md")).ToList();
        var textMb = files.Sum(f => new FileInfo(f).Length) / 1e6;

        // CPU seconds as well as wall time: on a busy machine the wall time says more about the neighbours.
        static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var cpu = Cpu();
        var start = Stopwatch.GetTimestamp();
        var warm = CoreServices.For(folder);
        var passages = warm.Index.AllPassages.Count;
        var coldSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var warmSeconds = coldSeconds;
        // A second build without JIT costs as much again; past 20k passages the JIT's share is negligible, so skip it.
        if (passages <= 20_000)
        {
            warm.Dispose();
            GC.Collect();
            cpu = Cpu();
            start = Stopwatch.GetTimestamp();
            warm = CoreServices.For(folder);
            _ = warm.Index.AllPassages.Count;
            warmSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        var indexCpu = Cpu() - cpu;
        cpu = Cpu();
        start = Stopwatch.GetTimestamp();
        _ = warm.Agenda.Current;
        var agendaSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var agendaCpu = Cpu() - cpu;
        start = Stopwatch.GetTimestamp();
        warm.Ask(questions[0].Text);
        var firstAnswerMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        var peak = ResidentMemory.OfSelf()?.PeakRssMb ?? 0;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heap = GC.GetTotalMemory(true) / 1048576.0;
        var rss = ResidentMemory.OfSelf()?.RssMb ?? 0;
        var documents = warm.Index.Documents.Count;
        GC.KeepAlive(warm);
        Console.WriteLine(JsonSerializer.Serialize(new IndexBuildResult(corpus, documents, passages, textMb, coldSeconds, warmSeconds,
            agendaSeconds, firstAnswerMs, indexCpu, agendaCpu, textMb / warmSeconds, peak, rss, heap, MachineInfo.Describe())));
        return 0;
    }
}
