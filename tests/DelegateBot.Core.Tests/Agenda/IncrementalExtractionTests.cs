using DelegateBot.Core.Agenda;
using DelegateBot.Core.Agenda.Extraction;
using DelegateBot.Core.Knowledge;

namespace DelegateBot.Core.Tests.Agenda;

/// <summary>
/// One extractor kept across builds reads again only the documents that changed; its agenda must be the one a new
/// extractor builds from the same documents, whatever was merged into what at the builds before.
/// </summary>
public class IncrementalExtractionTests
{
    private static List<KnowledgeDocument> Documents() =>
    [
        .. AgendaTestData.SeedDocuments(),
        AgendaTestData.CorpusDocument("ipu_migration_meetings_2018_programmes.txt"),
        AgendaTestData.CorpusDocument("gcm_objectives_1-19_actions.txt"),
    ];

    private static string Fresh(IEnumerable<KnowledgeDocument> documents, Func<string, string?>? sourceText = null) =>
        AgendaJson.Serialize(new AgendaExtractor().Extract(documents, sourceText));

    [Fact]
    public void Unchanged_documents_are_not_read_again_and_give_the_same_agenda()
    {
        var documents = Documents();
        var sourceText = KnowledgeFolderReader.SourceText(AgendaTestData.KnowledgeFolder);
        var extractor = new AgendaExtractor();

        var first = extractor.Extract(documents, sourceText);
        var firstJson = AgendaJson.Serialize(first);
        Assert.Equal(documents.Count, extractor.DocumentsRead);
        var second = AgendaJson.Serialize(extractor.Extract(documents, sourceText));

        Assert.Equal(0, extractor.DocumentsRead);
        Assert.Equal(Fresh(documents, sourceText), second);
        Assert.Equal(firstJson, second);
        Assert.Equal(firstJson, AgendaJson.Serialize(first)); // the agenda already handed out is left alone
    }

    [Fact]
    public void Removing_any_document_gives_the_agenda_of_the_others()
    {
        // A document's mentions merge into events of others: removing it must take what it added away.
        var documents = Documents();
        var extractor = new AgendaExtractor();
        extractor.Extract(documents);
        foreach (var removed in documents)
        {
            var others = documents.Where(d => d != removed).ToList();
            var json = AgendaJson.Serialize(extractor.Extract(others));
            Assert.Equal(0, extractor.DocumentsRead);
            Assert.Equal(Fresh(others), json);
            extractor.Extract(documents);
            Assert.Equal(1, extractor.DocumentsRead);
        }
    }

    [Fact]
    public void What_a_removed_document_merged_into_a_kept_one_goes_with_it()
    {
        // The debate's concept note (prose "Morning session: ..." with its description and key questions) and its
        // programme (the timed "Panel one: ...") as two documents: the note's session is merged into the timed one.
        var debate = AgendaTestData.SeedDocuments().Single(d => d.Source.StartsWith("ga-thematic-debate", StringComparison.Ordinal));
        var split = debate.Text.LastIndexOf("Informal Thematic Debate on", debate.Text.IndexOf("Provisional Program", StringComparison.Ordinal), StringComparison.Ordinal);
        var note = debate with { Source = "note.txt", Text = debate.Text[..split] };
        var programme = debate with { Source = "programme.txt", Text = debate.Text[split..] };
        static Session PanelOne(DelegateBot.Core.Agenda.Agenda agenda) =>
            agenda.Meetings.SelectMany(m => m.Sessions).Single(s => s.Title.StartsWith("Panel one", StringComparison.Ordinal));
        var extractor = new AgendaExtractor();

        Assert.NotNull(PanelOne(extractor.Extract([note, programme])).Description);
        var alone = extractor.Extract([programme]);

        Assert.Equal(0, extractor.DocumentsRead);
        Assert.Null(PanelOne(alone).Description);
        Assert.Equal(Fresh([programme]), AgendaJson.Serialize(alone));
    }

    [Fact]
    public void A_changed_document_or_file_is_read_again()
    {
        var folder = Directory.CreateTempSubdirectory("agenda-incremental-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(AgendaTestData.KnowledgeFolder, "*.txt"))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            var documents = AgendaTestData.Ingest(folder).ToList();
            var sourceText = KnowledgeFolderReader.SourceText(folder);
            var extractor = new AgendaExtractor();
            extractor.Extract(documents, sourceText);

            // Same document, but its file gained lines at the top: provenance line numbers move.
            var target = documents.First(d => d.Source.StartsWith("ga-thematic-debate", StringComparison.Ordinal));
            var path = Path.Combine(folder, target.Source);
            File.WriteAllText(path, "\n\n\n" + File.ReadAllText(path));
            var moved = AgendaJson.Serialize(extractor.Extract(documents, sourceText));
            Assert.Equal(1, extractor.DocumentsRead);
            Assert.Equal(Fresh(documents, sourceText), moved);

            // Same source and file, other text: the new text is read.
            var index = documents.IndexOf(target);
            documents[index] = target with { Text = target.Text.Replace("New York", "Geneva", StringComparison.Ordinal) };
            var changed = AgendaJson.Serialize(extractor.Extract(documents, sourceText));
            Assert.Equal(1, extractor.DocumentsRead);
            Assert.Equal(Fresh(documents, sourceText), changed);
            Assert.NotEqual(moved, changed);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
