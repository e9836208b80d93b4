using DelegateBot.Core.Knowledge.Acronyms;
using DelegateBot.Core.Knowledge.Ingestion;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace DelegateBot.Core.Knowledge.Index;

/// <summary>
/// One immutable generation of the index: documents, passages with precomputed stems, acronyms, document
/// frequencies and the Lucene searcher. A rebuild makes a new snapshot and swaps it in atomically, so a question
/// always sees one consistent generation.
/// </summary>
internal sealed class KnowledgeSnapshot : IDisposable
{
    private static readonly BM25Similarity Similarity = new();

    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly int[] _passageOfDoc;

    public long Version { get; }
    public IReadOnlyList<ParsedDocument> Documents { get; }
    public IReadOnlyList<IndexedPassage> Passages { get; }
    public IReadOnlyList<Passage> PublicPassages { get; }
    public IReadOnlyList<HashSet<string>> DocumentStems { get; }
    /// <summary>Every stem of each document's text (weaker evidence than <see cref="DocumentStems"/>).</summary>
    public IReadOnlyList<HashSet<string>> DocumentTextStems { get; }
    /// <summary>The stems of each document's title.</summary>
    public TitleIndex Titles { get; }
    /// <summary>The year each document speaks from (its masthead date, else its header's latest year); 0 when unknown.</summary>
    public IReadOnlyList<int> DocumentYears { get; }
    /// <summary>The stems of each document's names: its title and its file name (with the long form of an acronym in it).</summary>
    public TitleIndex Names { get; }
    public AcronymTable Acronyms { get; }
    public Synonyms Synonyms { get; }
    public IReadOnlyList<LoadProblem> Problems { get; }
    public IndexSearcher Searcher { get; }
    /// <summary>The documents' written words, to correct a question's spelling slips.</summary>
    public SpellingVocabulary Vocabulary { get; }
    /// <summary>The stems of the documents and of the synonyms, for a slip that no written word is one edit from.</summary>
    public SpellingVocabulary StemVocabulary { get; }
    private readonly Dictionary<string, int> _documentFrequency;

    private KnowledgeSnapshot(long version, IReadOnlyList<ParsedDocument> documents, List<IndexedPassage> passages,
        AcronymTable acronyms, Synonyms synonyms, IReadOnlyList<LoadProblem> problems, StemPool pool)
    {
        Version = version;
        Documents = documents;
        Passages = passages;
        PublicPassages = passages.Select(p => p.Passage).ToArray();
        Acronyms = acronyms;
        _ = acronyms.Analysed; // analyse once at build time, not on the first question
        Synonyms = synonyms;
        Problems = problems;
        // What a document is about as a whole: its title, section names and header lines (event, date, venue).
        // A question's words found only there still count as evidence for a passage of that document.
        // Passages grouped by document once (a scan of all passages per document is quadratic in the folder's size).
        var byDocument = passages.ToLookup(p => p.DocumentIndex);
        var fileNames = documents.Select(d => FileNameWords(d.Document.Source, acronyms)).ToArray();
        DocumentStems = documents.Select((d, i) => KnowledgeAnalyzer.Instance.Stems(string.Join('\n',
            byDocument[i].Select(p => p.Kind == ChunkKind.Header ? p.Context + "\n" + p.Passage.Text : p.Context)
                .Prepend(d.Document.Title).Append(fileNames[i])), pool)).ToArray();
        DocumentTextStems = documents.Select(d => KnowledgeAnalyzer.Instance.Stems(d.Document.Text, pool)).ToArray();
        var titleStems = documents.Select(d => KnowledgeAnalyzer.Instance.Stems(d.Document.Title, pool)).ToArray();
        Titles = new TitleIndex(titleStems);
        DocumentYears = documents.Select((_, i) => Mastheads.YearOf(byDocument[i])).ToArray();
        Names = new TitleIndex(titleStems.Select((title, i) =>
            new HashSet<string>(title.Concat(KnowledgeAnalyzer.Instance.Stems(fileNames[i], pool)), StringComparer.Ordinal)).ToArray());

        _documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in passages)
            foreach (var stem in p.Stems.Union(p.ContextStems))
                _documentFrequency[stem] = _documentFrequency.GetValueOrDefault(stem) + 1;
        // The written words, for reading a question's misspelt word as the one it means.
        Vocabulary = new SpellingVocabulary();
        foreach (var p in passages)
            foreach (var unit in p.Units)
                foreach (var t in unit.Tokens)
                    Vocabulary.Add(unit.Text.AsSpan(t.Start, t.End - t.Start));
        Vocabulary.Freeze();
        // And the stems (with the synonyms' own): "atended" is "attend", which a synonym of "participate" finds.
        StemVocabulary = new SpellingVocabulary();
        foreach (var stem in _documentFrequency.Keys.Concat(synonyms.AllStems)) StemVocabulary.Add(stem);
        StemVocabulary.Freeze();

        _directory = new RAMDirectory();
        var config = new IndexWriterConfig(KnowledgeAnalyzer.Version, KnowledgeAnalyzer.Instance)
        {
            Similarity = Similarity,
            OpenMode = OpenMode.CREATE,
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < passages.Count; i++)
            {
                var document = new Document
                {
                    new NumericDocValuesField("n", i),
                    new TextField("text", passages[i].Passage.Text, Field.Store.NO),
                    new TextField("context", passages[i].LeadText.Length == 0 ? passages[i].Context : passages[i].Context + "\n" + passages[i].LeadText, Field.Store.NO),
                };
                // The kinds of answer the passage holds ("date_full", "time", "phone"...), so retrieval can prefer
                // passages that can answer "when" or "what is the fax number" at all.
                foreach (var kind in AnswerKinds.Of(passages[i])) document.Add(new StringField(AnswerKinds.Field, kind, Field.Store.NO));
                // Words the passage implies without writing them ("letter" for a letter's date line): found by retrieval too.
                foreach (var stem in ImpliedStems(passages[i])) document.Add(new StringField(ImpliedField, stem, Field.Store.NO));
                writer.AddDocument(document);
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        Searcher = new IndexSearcher(_reader) { Similarity = Similarity };
        var values = MultiDocValues.GetNumericValues(_reader, "n");
        _passageOfDoc = new int[_reader.MaxDoc];
        for (var d = 0; d < _reader.MaxDoc; d++) _passageOfDoc[d] = values is null ? d : (int)values.Get(d);
    }

    /// <summary>The field of the stems a passage's units imply but do not write.</summary>
    public const string ImpliedField = "implied";

    private static IEnumerable<string> ImpliedStems(IndexedPassage passage)
    {
        HashSet<string>? implied = null;
        foreach (var unit in passage.Units)
        {
            if (ReferenceEquals(unit.Stems, unit.Literal)) continue;
            foreach (var stem in unit.Stems)
                if (!unit.Literal.Contains(stem) && !passage.Stems.Contains(stem)) (implied ??= new(StringComparer.Ordinal)).Add(stem);
        }
        return implied ?? (IEnumerable<string>)[];
    }

    /// <summary>"ted_dilip_ratha_remittances.txt" -> "ted dilip ratha remittances": people name files for what is in them.</summary>
    /// <remarks>An acronym in the name ("gcm_objectives") brings its long form (Global Compact for Migration) when a document defines it.</remarks>
    private static string FileNameWords(string source, AcronymTable acronyms)
    {
        var words = System.Text.RegularExpressions.Regex.Split(Path.GetFileNameWithoutExtension(source), @"[_\-.\s]+");
        var expansions = words.Where(w => w.Length is >= 2 and <= 8 && w.All(char.IsLetter))
            .SelectMany(w => acronyms.Expand(w).Where(p => p.Origin != AcronymOrigin.Initials).Take(1).Select(p => p.Expansion));
        return string.Join(' ', words.Concat(expansions));
    }

    public int PassageCount => Passages.Count;

    /// <summary>In how many passages a stem occurs (text or context).</summary>
    public int DocumentFrequency(string stem) => _documentFrequency.GetValueOrDefault(stem);

    /// <summary>BM25 inverse document frequency of a stem over passages.</summary>
    public double Idf(string stem)
    {
        var df = DocumentFrequency(stem);
        return Math.Log(1 + (Passages.Count - df + 0.5) / (df + 0.5));
    }

    public IndexedPassage PassageOfHit(int luceneDoc) => Passages[_passageOfDoc[luceneDoc]];

    public static KnowledgeSnapshot Build(long version, IReadOnlyList<ParsedDocument> documents, Glossary glossary, IReadOnlyList<LoadProblem> problems)
    {
        var pool = new StemPool();
        var passages = new List<IndexedPassage>();
        for (var d = 0; d < documents.Count; d++)
        {
            var doc = documents[d].Document;
            var ordinal = 0;
            var references = TitleReferences.For(doc.Title);
            var first = passages.Count;
            foreach (var chunk in PassageChunker.Chunk(documents[d].Paragraphs))
                passages.Add(PassageBuilder.Build(doc, d, ++ordinal, chunk, references, pool));
            ProgrammeLeads.Link(passages, first);
            ProgrammeLeads.DateLetters(passages, first);
            Mastheads.Mark(passages, first);
            Mastheads.SignLetters(passages, first);
        }
        var acronyms = AcronymLearner.Learn(documents.Select(d => d.Document.Text), glossary.Acronyms);
        return new KnowledgeSnapshot(version, documents, passages, acronyms, new Synonyms(glossary.Synonyms), problems, pool);
    }

    public static KnowledgeSnapshot Empty(IReadOnlyList<LoadProblem> problems) =>
        new(0, [], [], AcronymTable.Empty, new Synonyms([]), problems, new StemPool());

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
