using System.Text;
using Microsoft.Extensions.Logging;

namespace DelegateBot.Core.Knowledge.Ingestion;

/// <summary>A document after ingestion: the public record plus the paragraph structure chunking needs.</summary>
internal sealed record ParsedDocument(KnowledgeDocument Document, IReadOnlyList<Paragraph> Paragraphs, FileStamp Stamp);

/// <summary>Identifies one version of a file, so an unchanged file is not read again on a rebuild.</summary>
internal readonly record struct FileStamp(long Length, DateTime LastWriteUtc);

/// <summary>A file that could not be ingested, and why (shown in logs; the rest of the folder still loads).</summary>
public sealed record LoadProblem(string Source, string Message);

internal sealed record FolderLoad(IReadOnlyList<ParsedDocument> Documents, IReadOnlyList<LoadProblem> Problems);

/// <summary>
/// Reads every supported file of the knowledge folder (recursively, hidden files and the glossary excluded)
/// into <see cref="ParsedDocument"/>s. A file that fails is reported and skipped, never fatal.
/// </summary>
internal sealed class DocumentLoader(IEnumerable<IDocumentReader> readers, ILogger logger)
{
    private readonly Dictionary<string, IDocumentReader> _byExtension = readers
        .SelectMany(r => r.Extensions.Select(e => (e, r)))
        .ToDictionary(x => x.e, x => x.r, StringComparer.OrdinalIgnoreCase);

    public bool Supports(string path) => _byExtension.ContainsKey(Path.GetExtension(path)) && !IsIgnored(path);

    public FolderLoad Load(string folder, IReadOnlyDictionary<string, ParsedDocument>? previous = null)
    {
        var documents = new List<ParsedDocument>();
        var problems = new List<LoadProblem>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new LoadProblem(folder, $"The knowledge folder {folder} does not exist; no documents are loaded."));
            return new FolderLoad(documents, problems);
        }
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!Supports(path)) continue;
            var source = Path.GetRelativePath(folder, path).Replace('\\', '/');
            try
            {
                var info = new FileInfo(path);
                var stamp = new FileStamp(info.Length, info.LastWriteTimeUtc);
                if (previous is not null && previous.TryGetValue(source, out var known) && known.Stamp == stamp)
                {
                    documents.Add(known);
                    continue;
                }
                var parsed = Parse(source, _byExtension[Path.GetExtension(path)].Read(path), stamp);
                if (parsed.Paragraphs.Count == 0)
                {
                    problems.Add(new LoadProblem(source, $"{source} has no text to index (empty, or a scanned image without a text layer)."));
                    continue;
                }
                documents.Add(parsed);
            }
            catch (Exception ex) when (ex is DocumentReadException or IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
            {
                problems.Add(new LoadProblem(source, ex.Message));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A malformed file must never take the index down: report it with its reason and go on.
                problems.Add(new LoadProblem(source, $"{source} could not be read: {ex.GetType().Name}: {ex.Message}"));
            }
        }
        foreach (var p in problems) logger.LogWarning("Knowledge file skipped: {Source}: {Message}", p.Source, p.Message);
        return new FolderLoad(documents, problems);
    }

    internal static ParsedDocument Parse(string source, RawDocument raw, FileStamp stamp = default)
    {
        var paragraphs = DocumentParser.Parse(raw.Text);
        var title = TitleExtractor.Extract(paragraphs, raw.TitleHint, source);
        return new ParsedDocument(new KnowledgeDocument(source, title, Render(paragraphs)), paragraphs, stamp);
    }

    /// <summary>The normalised plain text: one paragraph a line, blocks separated by blank lines, bullets as "- ".</summary>
    private static string Render(IReadOnlyList<Paragraph> paragraphs)
    {
        var sb = new StringBuilder();
        var block = -1;
        foreach (var p in paragraphs)
        {
            if (sb.Length > 0) sb.Append(p.Block != block ? "\n\n" : "\n");
            block = p.Block;
            if (p.Kind == ParagraphKind.ListItem) sb.Append("- ");
            sb.Append(p.Text);
        }
        return sb.ToString();
    }

    private static bool IsIgnored(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith('.') || name.StartsWith('~') || Acronyms.GlossaryFile.IsGlossary(name);
    }
}
