namespace DelegateBot.Core.Knowledge;

/// <summary>A document of the knowledge folder after ingestion: readable title and normalised text.</summary>
/// <param name="Source">Path relative to the knowledge folder (e.g. "ga-thematic-debate-2011.txt").</param>
/// <param name="Title">The document's own title (first heading or title line), not its file name.</param>
/// <param name="Text">Plain text, line structure kept, page-break splits and OCR markup repaired.</param>
public sealed record KnowledgeDocument(string Source, string Title, string Text);

/// <summary>A retrievable unit of a document: a paragraph, a programme block, a list.</summary>
/// <param name="Id">Stable id (source + position) so caches such as embeddings survive re-indexing.</param>
/// <param name="Location">Human-readable place in the document: "paragraph 15", "section Registration", "lines 40-52".</param>
public sealed record Passage(string Id, string Source, string DocumentTitle, string Location, string Text);

public sealed record ScoredPassage(Passage Passage, float Score);

/// <summary>Ranked retrieval over the current knowledge index; used by answer engines other than the extractive one.</summary>
public interface IPassageSearch
{
    /// <summary>The best passages for a query, best first (BM25 over the current index).</summary>
    IReadOnlyList<ScoredPassage> Search(string query, int top);

    /// <summary>Every passage currently indexed (for embedding at indexing time).</summary>
    IReadOnlyList<Passage> AllPassages { get; }

    /// <summary>Increases whenever the index is rebuilt from changed documents.</summary>
    long Version { get; }
}
