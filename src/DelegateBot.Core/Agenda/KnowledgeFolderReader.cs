using DelegateBot.Core.Agenda.Extraction;
using DelegateBot.Core.Knowledge;

namespace DelegateBot.Core.Agenda;

/// <summary>
/// Reads the plain-text documents of a folder into <see cref="KnowledgeDocument"/>s for the agenda, so the agenda
/// works on its own (CLI, tests) before the knowledge index hands its documents over; the title is the first
/// heading or text line.
/// </summary>
public static class KnowledgeFolderReader
{
    private static readonly string[] Extensions = [".txt", ".md"];

    public static IReadOnlyList<KnowledgeDocument> Read(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => FromText(Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();
    }

    /// <summary>The text of a plain-text file of the folder by its Source, for file line numbers in provenance.</summary>
    public static Func<string, string?> SourceText(string folder) => source =>
    {
        var path = Path.GetFullPath(Path.Combine(folder, source));
        return Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase) && path.StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal)
            && File.Exists(path) ? File.ReadAllText(path) : null;
    };

    public static KnowledgeDocument FromText(string source, string text)
    {
        var title = text.Split('\n').Select(l => DocumentLines.StripMarkup(l).Trim())
            .FirstOrDefault(l => l.Length > 3 && l.Any(char.IsLetter) && !l.StartsWith('[')) ?? Path.GetFileNameWithoutExtension(source);
        return new KnowledgeDocument(source, title, text);
    }
}
