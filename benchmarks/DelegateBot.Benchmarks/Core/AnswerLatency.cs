using BenchmarkDotNet.Attributes;
using DelegateBot.Benchmarks.Corpus;
using DelegateBot.Benchmarks.Measurement;
using DelegateBot.Core.Knowledge;

namespace DelegateBot.Benchmarks.Core;

/// <summary>
/// Question in, cited answer out, through the same services as the host. One invocation is one question, taken
/// in turn from the corpus's mix (dev-style questions, topical ones, misses), so the percentiles are per question.
/// </summary>
[Config(typeof(CoreConfig))]
public class AnswerLatency
{
    private CoreServices _core = null!;
    private BenchQuestion[] _questions = [];
    private int _next;

    /// <summary>Which corpora to run (BDN_CORPORA="seeds,1k" narrows it; run.sh passes its choice).</summary>
    public static IEnumerable<string> CorpusNames() =>
        Environment.GetEnvironmentVariable("BDN_CORPORA") is { Length: > 0 } list ? list.Split(',', StringSplitOptions.TrimEntries) : Corpora.All;

    [ParamsSource(nameof(CorpusNames))]
    public string Corpus { get; set; } = "seeds";

    [GlobalSetup]
    public void Setup()
    {
        var (folder, questions) = Corpora.Resolve(Corpus);
        _questions = [.. questions];
        _core = CoreServices.For(folder);
        // Builds the index and the agenda, and answers each question once, so the measured turns are warm.
        _core.Ask(_questions[0].Text);
        // Allocations over the whole mix (BenchmarkDotNet's MemoryDiagnoser sees one invocation, i.e. one question).
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var found = _questions.Count(q => _core.Ask(q.Text).Found);
        var perAnswerKb = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / _questions.Length;
        Console.WriteLine($"// {Corpus}: {_core.Index.AllPassages.Count} passages, {_questions.Length} questions, {found} answered, {perAnswerKb:0} KB allocated per answer");
        ResultFiles.Write($"core-allocations-{Corpus}", new { Corpus, Passages = _core.Index.AllPassages.Count, Questions = _questions.Length, Found = found, AllocatedKbPerAnswer = perAnswerKb });
    }

    [Benchmark]
    public Answer Ask() => _core.Ask(_questions[_next++ % _questions.Length].Text);

    [GlobalCleanup]
    public void Cleanup() => _core.Dispose();
}
