using DelegateBot.Core.Knowledge;
using DelegateBot.Core.Knowledge.Index;
using DelegateBot.Core.Knowledge.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DelegateBot.Core.Tests.Agenda;

/// <summary>The repository's seed documents and the shared corpus beside the repository.</summary>
internal static class AgendaTestData
{
    public static string RepoRoot { get; } = FindRoot();

    public static string KnowledgeFolder => Path.Combine(RepoRoot, "knowledge");

    /// <summary>The seed documents as the knowledge index ingests them (normalised text, document titles).</summary>
    public static IReadOnlyList<KnowledgeDocument> SeedDocuments() => Seeds.Value;

    private static readonly Lazy<IReadOnlyList<KnowledgeDocument>> Seeds = new(() => Ingest(KnowledgeFolder));

    public static IReadOnlyList<KnowledgeDocument> Ingest(string folder)
    {
        using var index = new KnowledgeIndex(Options.Create(new KnowledgeOptions { Path = folder }), [new PlainTextReader()], NullLogger<KnowledgeIndex>.Instance);
        return index.Documents;
    }

    /// <summary>A document of ../shared/corpus, read where it lives (never copied into the repository).</summary>
    public static KnowledgeDocument CorpusDocument(string file) =>
        DocumentLoader.Parse(file, new RawDocument(File.ReadAllText(CorpusPath(file)))).Document;

    /// <summary>Where a document of ../shared/corpus lives.</summary>
    public static string CorpusPath(string file)
    {
        // ../shared beside the repository; a git worktree one level deeper finds it further up.
        var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus", file));
        for (var dir = Directory.GetParent(RepoRoot)?.Parent; !File.Exists(path) && dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "shared", "corpus", file))) path = Path.Combine(dir.FullName, "shared", "corpus", file);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The shared corpus document {path} is missing: the tests expect ../shared/corpus beside the repository.", path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DelegateBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("DelegateBot.sln not found above " + AppContext.BaseDirectory);
    }
}
