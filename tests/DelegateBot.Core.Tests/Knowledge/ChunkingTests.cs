using DelegateBot.Core.Knowledge.Index;
using DelegateBot.Core.Knowledge.Ingestion;

namespace DelegateBot.Core.Tests.Knowledge;

public class ChunkingTests
{
    private const string Programme = """
        Provisional Program

        10:00 – 10:20 **Opening remarks**

        - **H.E. Mr. Joseph Deiss** *President of the General Assembly*

        10:20 – 13:00 **Panel one: *The Contribution of migrants to development***

        Chair: Mr. William Swing Director General, International Organization for Migration

        Panelists:

        - **H.E. Ms. Lorena Escudero** National Secretary for Migrants, Ecuador
        - **Professor John Connell** Professor of Human Geography, University of Sydney

        Focus of discussion

        As a guide, it is suggested that interventions address the following **key questions**:

        1. How can Governments support their nationals working abroad?
        2. What social policies have proven effective?

        15:00 – 17:40 Panel two: *Improving international cooperation*

        Chair: Dr. Khalid Koser, Academic Dean
        """;

    private static List<Chunk> Chunks(string text) => PassageChunker.Chunk(DocumentLoader.Parse("doc.txt", new RawDocument(text)).Paragraphs);

    [Fact]
    public void A_programme_block_keeps_its_chair_panelists_and_key_questions_together()
    {
        var chunks = Chunks(Programme);
        var panel = chunks.Single(c => c.Kind == ChunkKind.Programme && c.Label!.Contains("Panel one", StringComparison.Ordinal));
        var text = string.Join("\n", panel.Paragraphs.Select(p => p.Text));

        Assert.StartsWith("10:20 – 13:00 Panel one: The Contribution of migrants to development", text);
        Assert.Contains("Chair: Mr. William Swing", text);
        Assert.Contains("H.E. Ms. Lorena Escudero, National Secretary for Migrants, Ecuador", text);
        Assert.Contains("2. What social policies have proven effective?", text);
        Assert.DoesNotContain("Khalid Koser", text);
        Assert.StartsWith("programme item 10:20 – 13:00 Panel one", panel.Location);
    }

    [Fact]
    public void List_items_hang_from_their_lead_in()
    {
        var doc = DocumentLoader.Parse("doc.txt", new RawDocument(Programme));
        var chunk = PassageChunker.Chunk(doc.Paragraphs).Single(c => c.Label!.Contains("Panel one", StringComparison.Ordinal));
        var passage = PassageBuilder.Build(doc.Document, 0, 1, chunk);

        var panelists = Array.FindIndex(passage.Units, u => u.Text == "Panelists:");
        var items = passage.Units.Where(u => u.Parent == panelists).Select(u => u.Text).ToList();
        Assert.Equal(2, items.Count);
        Assert.StartsWith("H.E. Ms. Lorena Escudero", items[0]);
        var leadIn = Array.FindIndex(passage.Units, u => u.Text.EndsWith("key questions:", StringComparison.Ordinal));
        Assert.Equal(2, passage.Units.Count(u => u.Parent == leadIn));
    }

    [Fact]
    public void Locations_name_numbered_and_lettered_paragraphs_and_sections()
    {
        var chunks = Chunks("""
            ## REGISTRATION

            Members who wish to participate are requested to return the form to the following address:

            UNITAR, Suite DC1-603
            New York, NY 10017

            1. Migration and Development

            a) Participants agreed that perceptions about migration have changed.

            b) Demographic imbalances will continue to fuel migration.

            14. A key objective of the Global Forum process is to promote coherence.
            """);

        var address = chunks.Single(c => c.Paragraphs.Any(p => p.Text.Contains("Suite DC1-603", StringComparison.Ordinal)));
        Assert.Equal("section Registration", address.Location);
        Assert.Contains(address.Paragraphs, p => p.Text.EndsWith("following address:", StringComparison.Ordinal)); // the list stays with its lead-in
        Assert.Contains(chunks, c => c.Location == "paragraph (a)" && c.Section == "Migration and Development");
        Assert.Contains(chunks, c => c.Location == "paragraph (b)");
        Assert.Contains(chunks, c => c.Location == "paragraph 14");
    }

    [Fact]
    public void Text_without_structure_is_located_by_line_range()
    {
        var chunks = Chunks("\nThe reception will be held on the terrace after the closing session, weather permitting, and all delegates are welcome.\n");
        Assert.Equal("line 2", Assert.Single(chunks).Location);
    }
}
