namespace DelegateBot.Benchmarks.Corpus;

/// <summary>The corpora the benchmarks run on: "seeds" (knowledge/) and synthetic ones named by passages ("1k", "10k", "100k").</summary>
public static class Corpora
{
    public static readonly string[] All = ["seeds", "1k", "10k", "100k"];

    public static (string Folder, IReadOnlyList<BenchQuestion> Questions) Resolve(string name)
    {
        if (name == "seeds") return (RepoPaths.Knowledge, QuestionMix.Seeds);
        var corpus = CorpusGenerator.Ensure(new CorpusSpec(Passages(name)));
        return (corpus.Folder, corpus.Questions);
    }

    public static int Passages(string name) =>
        name.EndsWith('k') && int.TryParse(name[..^1], out var k) ? k * 1000
        : int.TryParse(name, out var n) ? n
        : throw new ArgumentException($"Unknown corpus '{name}': use seeds, or a passage count such as 1k, 10k, 100k.");
}
