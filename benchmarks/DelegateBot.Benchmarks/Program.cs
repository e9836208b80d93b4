using BenchmarkDotNet.Running;
using DelegateBot.Benchmarks.Core;
using DelegateBot.Benchmarks.Host;
using DelegateBot.Benchmarks.Index;

// benchmarks/run.sh drives these verbs; each can also be run alone (see benchmarks/README.md).
var verb = args.Length > 0 ? args[0] : "help";
var rest = args.Skip(1).ToArray();
string Option(string name, string fallback) =>
    Array.IndexOf(rest, name) is var i and >= 0 && i + 1 < rest.Length ? rest[i + 1] : fallback;
string[] CorpusList(string fallback) => Option("--corpora", fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

switch (verb)
{
    case "core":
        // BenchmarkDotNet's own arguments after "core" (e.g. --filter '*', --artifacts DIR).
        var summary = BenchmarkRunner.Run<AnswerLatency>(args: rest);
        return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
    case "index":
        return await IndexBuild.RunAsync(CorpusList("seeds,1k,10k,100k"));
    case "index-child":
        return IndexBuild.Child(rest[0]);
    case "coldstart":
        return await ColdStart.RunAsync(int.Parse(Option("--runs", "10")), CorpusList("seeds"), Option("--published", "") is { Length: > 0 } p ? p : null);
    case "memory":
        return await HostMemory.RunAsync(CorpusList("seeds,100k"), rest.Contains("--compare-gc"));
    case "broadcast":
        return await BroadcastThroughput.RunAsync(int.Parse(Option("--conversations", "10000")),
            Option("--limits", "50,200").Split(',').Select(int.Parse).ToArray(),
            Option("--concurrency", "") is { Length: > 0 } concurrency ? int.Parse(concurrency) : null);
    case "profile":
        return QuestionProfile.Run(Option("--corpus", "seeds"), int.Parse(Option("--rounds", "50")));
    case "corpus":
        foreach (var name in CorpusList("1k"))
        {
            var c = DelegateBot.Benchmarks.Corpus.CorpusGenerator.Ensure(new(DelegateBot.Benchmarks.Corpus.Corpora.Passages(name)));
            Console.WriteLine($"{name}: {c.Documents} documents, {c.Bytes / 1e6:0.0} MB, ~{c.PlannedPassages} passages, {c.Questions.Count} questions in {c.Folder}");
        }
        return 0;
    default:
        Console.WriteLine("""
            Usage: dotnet DelegateBot.Benchmarks.dll VERB [options]
              core [BenchmarkDotNet args]        answer latency per corpus (BDN_CORPORA=seeds,1k,10k,100k; BDN_ROUNDS=10)
              index [--corpora seeds,1k,...]     index build throughput (MB/s) and peak memory, one child process per corpus
              coldstart [--runs 10] [--corpora seeds] [--published DIR]   process start to first answer: `ask` CLI and the service (and a published build)
              memory [--corpora seeds,100k] [--compare-gc]   resident memory of the service after answering (server GC; workstation too)
              broadcast [--conversations 10000] [--limits 50,200] [--concurrency N]   one broadcast to N subscribers per app limit, Teams-like channel
              profile [--corpus seeds] [--rounds 50]    per-question latency and allocations, slowest first
              corpus [--corpora 1k,10k]          generate (or show) the synthetic corpora in the temp folder
            """);
        return verb is "help" or "--help" or "-h" ? 0 : 2;
}
