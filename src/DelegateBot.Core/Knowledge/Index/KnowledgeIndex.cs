using DelegateBot.Core.Knowledge.Acronyms;
using DelegateBot.Core.Knowledge.Ingestion;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DelegateBot.Core.Knowledge.Index;

/// <summary>
/// The live knowledge index: built from the knowledge folder on first use, rebuilt by <see cref="Refresh"/>
/// when files change (the watcher calls it), and swapped atomically so questions never see a half-built index.
/// Unchanged files are not read again on a rebuild.
/// </summary>
public sealed class KnowledgeIndex : IPassageSearch, IDisposable
{
    private readonly KnowledgeOptions _options;
    private readonly DocumentLoader _loader;
    private readonly ILogger<KnowledgeIndex> _logger;
    private readonly Lock _rebuildLock = new();
    private volatile KnowledgeSnapshot? _current;
    private KnowledgeSnapshot? _retired;
    private string? _fingerprint;
    private long _version;

    public KnowledgeIndex(IOptions<KnowledgeOptions> options, IEnumerable<IDocumentReader> readers, ILogger<KnowledgeIndex> logger)
    {
        _options = options.Value;
        _logger = logger;
        _loader = new DocumentLoader(readers, logger);
    }

    /// <summary>The absolute path of the folder being indexed.</summary>
    public string FolderPath => _options.FullPath;

    internal KnowledgeSnapshot Current => _current ?? BuildInitial();

    public IReadOnlyList<KnowledgeDocument> Documents => Current.Documents.Select(d => d.Document).ToArray();

    /// <summary>Files of the folder that could not be read at the last build, with the reason.</summary>
    public IReadOnlyList<LoadProblem> Problems => Current.Problems;

    public AcronymTable Acronyms => Current.Acronyms;

    public IReadOnlyList<Passage> AllPassages => Current.PublicPassages;

    public long Version => Current.Version;

    /// <summary>Raised after a rebuild has been swapped in.</summary>
    public event Action<long>? Rebuilt;

    public IReadOnlyList<ScoredPassage> Search(string query, int top)
    {
        var snapshot = Current;
        if (snapshot.PassageCount == 0 || top <= 0) return [];
        var bq = new BooleanQuery();
        foreach (var stem in KnowledgeAnalyzer.Instance.Stems(query))
        {
            bq.Add(new TermQuery(new Term("text", stem)), Occur.SHOULD);
            bq.Add(new TermQuery(new Term("context", stem)) { Boost = 0.5f }, Occur.SHOULD);
        }
        if (bq.Clauses.Count == 0) return [];
        var hits = snapshot.Searcher.Search(bq, top).ScoreDocs;
        return hits.Select(h => new ScoredPassage(snapshot.PassageOfHit(h.Doc).Passage, h.Score)).ToArray();
    }

    /// <summary>Re-indexes when the folder's files (or the glossary) changed since the last build.</summary>
    /// <returns>True when a new index was swapped in.</returns>
    public bool Refresh(bool force = false)
    {
        lock (_rebuildLock)
        {
            var fingerprint = Fingerprint();
            if (!force && _current is not null && fingerprint == _fingerprint) return false;
            Rebuild(fingerprint);
            return true;
        }
    }

    private KnowledgeSnapshot BuildInitial()
    {
        lock (_rebuildLock)
        {
            if (_current is null) Rebuild(Fingerprint());
            return _current!;
        }
    }

    private void Rebuild(string fingerprint)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var previous = _current?.Documents.ToDictionary(d => d.Document.Source, StringComparer.Ordinal);
        var load = _loader.Load(FolderPath, previous);
        var glossary = GlossaryFile.Load(_options.GlossaryPath, _logger);
        KnowledgeSnapshot next;
        try
        {
            next = KnowledgeSnapshot.Build(Interlocked.Increment(ref _version), load.Documents, glossary, load.Problems);
        }
        catch (Exception ex) when (_current is not null && ex is not OutOfMemoryException)
        {
            // Keep answering from the last good index rather than from nothing.
            _logger.LogError(ex, "Re-indexing {Folder} failed; the previous index stays in use", FolderPath);
            return;
        }
        _retired?.Dispose(); // the one before the previous: no question can still be using it
        _retired = _current;
        _current = next;
        _fingerprint = fingerprint;
        _logger.LogInformation("Knowledge index v{Version}: {Documents} documents, {Passages} passages from {Folder} in {Ms:0} ms",
            next.Version, next.Documents.Count, next.PassageCount, FolderPath, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        Rebuilt?.Invoke(next.Version);
    }

    /// <summary>Names, sizes and write times of the indexable files and the glossary.</summary>
    private string Fingerprint()
    {
        if (!Directory.Exists(FolderPath)) return "";
        var entries = Directory.EnumerateFiles(FolderPath, "*", SearchOption.AllDirectories)
            .Where(p => _loader.Supports(p) || Path.GetFullPath(p) == Path.GetFullPath(_options.GlossaryPath))
            .Order(StringComparer.Ordinal)
            .Select(p =>
            {
                try
                {
                    var info = new FileInfo(p);
                    return $"{p}|{info.Length}|{info.LastWriteTimeUtc.Ticks}";
                }
                catch (IOException)
                {
                    return p;
                }
            });
        return string.Join('\n', entries);
    }

    public void Dispose()
    {
        _retired?.Dispose();
        _current?.Dispose();
    }
}
