using DelegateBot.Core.Agenda;
using DelegateBot.Core.Knowledge;

namespace DelegateBot.Core.Tests.Agenda;

/// <summary>The repository's seed documents and the shared corpus beside the repository.</summary>
internal static class AgendaTestData
{
    public static string RepoRoot { get; } = FindRoot();

    public static string KnowledgeFolder => Path.Combine(RepoRoot, "knowledge");

    public static IReadOnlyList<KnowledgeDocument> SeedDocuments() => KnowledgeFolderReader.Read(KnowledgeFolder);

    /// <summary>A document of ../shared/corpus, read where it lives (never copied into the repository).</summary>
    public static KnowledgeDocument CorpusDocument(string file)
    {
        var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus", file));
        if (!File.Exists(path))
            throw new FileNotFoundException($"The shared corpus document {path} is missing: the tests expect ../shared/corpus beside the repository.", path);
        return KnowledgeFolderReader.FromText(file, File.ReadAllText(path));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DelegateBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("DelegateBot.sln not found above " + AppContext.BaseDirectory);
    }
}
