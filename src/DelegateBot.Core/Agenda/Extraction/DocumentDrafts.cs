using System.Runtime.InteropServices;
using System.Security.Cryptography;
using DelegateBot.Core.Knowledge;

namespace DelegateBot.Core.Agenda.Extraction;

/// <summary>
/// What each document gave at the last extraction, so that a rebuild reads again only the documents that changed
/// (the knowledge watcher rebuilds the agenda on every change in the folder). A document is unchanged when its
/// source, title and text are, and its file's text (which numbers the lines of provenance) has the same SHA-256.
/// Drafts are never changed once their document is read (merging works on copies), so they can be reused.
/// </summary>
internal sealed class DocumentDrafts(Places places)
{
    private Dictionary<string, Entry> _last = new(StringComparer.Ordinal);

    /// <summary>How many documents the last <see cref="ReadAll"/> read (the others were unchanged).</summary>
    public int Read { get; private set; }

    public List<Entry> ReadAll(IEnumerable<KnowledgeDocument> documents, Func<string, string?>? sourceText)
    {
        var results = new List<Entry>();
        var next = new Dictionary<string, Entry>(StringComparer.Ordinal);
        Read = 0;
        foreach (var document in documents)
        {
            var text = sourceText?.Invoke(document.Source);
            var hash = text is null ? null : SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan()));
            // A source met twice in one build is read twice: each occurrence has drafts of its own.
            if (next.ContainsKey(document.Source) || !_last.TryGetValue(document.Source, out var entry) || !entry.IsFor(document, hash))
            {
                var (meetings, deadlines) = new DocumentExtractor(document, places, text).Extract();
                entry = new Entry(document, hash, meetings, deadlines);
                Read++;
            }
            next.TryAdd(document.Source, entry);
            results.Add(entry);
        }
        _last = next;
        return results;
    }

    /// <summary>A document, the hash of its file's text, and the events and loose deadlines read from them.</summary>
    internal sealed record Entry(KnowledgeDocument Document, byte[]? FileHash, List<MeetingDraft> Meetings, List<Deadline> Deadlines)
    {
        public bool IsFor(KnowledgeDocument document, byte[]? fileHash) =>
            Document == document && (FileHash is null ? fileHash is null : fileHash is not null && FileHash.AsSpan().SequenceEqual(fileHash));
    }
}
