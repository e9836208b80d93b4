using DelegateBot.Benchmarks.Corpus;
using System.Diagnostics;
using DelegateBot.Benchmarks.Measurement;

namespace DelegateBot.Benchmarks.Core;

public sealed record QuestionTiming(string Question, string Kind, bool Found, double MedianMs, double MaxMs, double AllocatedKb);

/// <summary>
/// Where the time goes, question by question: each question of a corpus's mix asked many times, its median and
/// worst time and its allocations, slowest first. Shows which kinds of question make the tail of the benchmark.
/// </summary>
internal static class QuestionProfile
{
    /// <summary>The answer's stages on their own: the agenda's try, the extractive engine, BM25 retrieval alone.</summary>
    private static void Stages(CoreServices core, IReadOnlyList<Corpus.BenchQuestion> questions, int rounds)
    {
        void Stage(string name, Action<string> run)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            for (var r = 0; r < rounds; r++) foreach (var q in questions) run(q.Text);
            var n = rounds * questions.Count;
            Console.WriteLine($"stage {name,-22} mean {MachineInfo.MsSince(start) / n,7:0.000} ms  {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / n,7:0} KB per question");
        }
        Stage("agenda TryAnswer", q => core.Agenda.TryAnswer(q));
        Stage("extractive Ask", q => core.Extractive.Ask(q));
        Stage("BM25 search (24)", q => core.Index.Search(q, 24));
        Stage("full (agenda first)", q => core.Ask(q));
    }

    public static int Run(string corpus, int rounds)
    {
        var (folder, questions) = Corpora.Resolve(corpus);
        using var core = CoreServices.For(folder);
        foreach (var q in questions) core.Ask(q.Text); // build and warm up
        for (var i = 0; i < 3; i++) foreach (var q in questions) core.Ask(q.Text);

        var timings = new List<QuestionTiming>();
        foreach (var q in questions)
        {
            var samples = new double[rounds];
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var found = false;
            for (var r = 0; r < rounds; r++)
            {
                var start = Stopwatch.GetTimestamp();
                found = core.Ask(q.Text).Found;
                samples[r] = MachineInfo.MsSince(start);
            }
            var perCall = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / rounds;
            var s = Percentiles.Summarize(samples);
            timings.Add(new QuestionTiming(q.Text, q.Kind, found, s.P50, s.Max, perCall));
        }
        Console.WriteLine($"{corpus}: {core.Index.AllPassages.Count} passages; per question over {rounds} rounds, slowest first ({MachineInfo.Describe()})");
        foreach (var t in timings.OrderByDescending(t => t.MedianMs))
            Console.WriteLine($"{t.MedianMs,8:0.000} ms  max {t.MaxMs,8:0.000}  {t.AllocatedKb,8:0} KB  {(t.Found ? "found" : "miss "),-5}  {t.Kind,-10} {t.Question}");
        Stages(core, questions, rounds);
        Console.WriteLine($"-> {ResultFiles.Write($"profile-{corpus}", timings)}");
        return 0;
    }
}
