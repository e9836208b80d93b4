using DelegateBot.Core.Agenda;
using DelegateBot.Core.Knowledge;
using DelegateBot.Core.Knowledge.Index;
using DelegateBot.Core.Knowledge.Ingestion;
using DelegateBot.Core.Tests.Agenda;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DelegateBot.Core.Tests.Knowledge;

/// <summary>
/// Layouts that once stalled the index (and so the agenda and every answer). The timeout only turns a hang into a
/// failure; it measures nothing (a healthy run takes milliseconds).
/// </summary>
public class LinearLayoutTests
{
    private const string Padua = "meetings/biocuration-2023-padua-registration-venue.md";

    [Fact(Timeout = 120_000)]
    public async Task The_Padua_key_information_table_is_indexed_and_its_agenda_extracted()
    {
        using var folder = new KnowledgeFolder();
        folder.Write("padua.md", File.ReadAllText(AgendaTestData.CorpusPath(Padua)));

        await Task.Run(() =>
        {
            using var index = folder.CreateIndex();
            Assert.Single(index.Documents);
            Assert.Contains(index.AllPassages, p => p.Text.Contains("+39 049 820 4857", StringComparison.Ordinal));
            folder.CreateAnswers(index).Ask("What is the telephone number of the venue?"); // answers, whatever it says

            var agenda = new AgendaService(Options.Create(new AgendaOptions { KnowledgePath = folder.Path }), new FakeTimeProvider());
            agenda.Rebuild(index.Documents);
        });
    }

    [Fact(Timeout = 120_000)]
    public async Task Street_lines_under_labels_are_read_once_each()
    {
        // A table of two columns becomes a line and a "Value: ..." line; a street word in a labelled line used to send
        // the scan back before it for ever. Thousands of them must read in one pass.
        var rows = string.Concat(Enumerable.Range(0, 4000).Select(i => $"Office {i}\nValue: Via Roma {i}, 35121 Padua\n"));
        var text = "# Offices\n\n" + rows + "\nUnited Nations\n1 United Nations Plaza, Suite 603\nNew York, NY 10017\n";

        var passages = await Task.Run(() =>
        {
            var doc = DocumentLoader.Parse("offices.md", new RawDocument(text));
            return PassageChunker.Chunk(doc.Paragraphs).Select((c, i) => PassageBuilder.Build(doc.Document, 0, i, c)).ToList();
        });

        // The scan went on past the labelled lines to the postal address at the end, and still found it whole.
        var plaza = passages.SelectMany(p => p.Units).First(u => u.Text.StartsWith("1 United Nations Plaza", StringComparison.Ordinal));
        Assert.Contains(plaza.Entities, e => e.Text == "United Nations, 1 United Nations Plaza, Suite 603, New York, NY 10017");
    }
}
