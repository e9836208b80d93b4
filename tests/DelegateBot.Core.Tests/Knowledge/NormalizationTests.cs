using DelegateBot.Core.Knowledge.Index;
using DelegateBot.Core.Knowledge.Ingestion;

namespace DelegateBot.Core.Tests.Knowledge;

public class NormalizationTests
{
    private static ParsedDocument Parse(string text) => DocumentLoader.Parse("doc.txt", new RawDocument(text));

    [Fact]
    public void A_paragraph_cut_by_a_page_break_and_page_furniture_is_joined()
    {
        var doc = Parse("""
            - 28. The Office provides assistance in protecting victims. In 2007, it launched the

            08-45678 **9**

            United Nations Global Initiative to Fight Human Trafficking, which aims at raising awareness.

            - 29. The Commission views regional integration as key.
            """);

        var passages = PassageChunker.Chunk(doc.Paragraphs);
        var p28 = passages.Single(c => c.Location == "paragraph 28");
        Assert.Contains("it launched the United Nations Global Initiative to Fight Human Trafficking", p28.Paragraphs.Single().Text);
        Assert.DoesNotContain("08-45678", doc.Document.Text);
        Assert.Contains(passages, c => c.Location == "paragraph 29");
    }

    [Fact]
    public void A_lowercase_continuation_after_a_page_break_is_joined_even_when_bulleted()
    {
        var doc = Parse("""
            - 15. Under the general theme of development, the meeting will focus on remittances, investment, transfer

            - of knowledge, networking and partnerships. The meeting will be held in Manila on 29 and 30 October 2008.

            - 16. The operational modalities of the Forum have been evolving rapidly.
            """);

        var p15 = PassageChunker.Chunk(doc.Paragraphs).Single(c => c.Location == "paragraph 15");
        Assert.Contains("transfer of knowledge, networking", p15.Paragraphs.Single().Text);
        Assert.Contains("29 and 30 October 2008", p15.Paragraphs.Single().Text);
    }

    [Fact]
    public void A_box_between_the_halves_of_a_paragraph_is_moved_after_it()
    {
        var doc = Parse("""
            22. Several respondents noted that the informal nature of the Forum provided the flexibility

            On 18 March 2008, a questionnaire was sent to all Permanent Representatives.

            needed to explore complex and potentially divisive issues.

            23. Many of the Member States that responded viewed the follow-up as a process.
            """);

        var chunks = PassageChunker.Chunk(doc.Paragraphs);
        Assert.Contains("provided the flexibility needed to explore complex", chunks.Single(c => c.Location == "paragraph 22").Paragraphs.Single().Text);
        Assert.Contains(chunks, c => c.Paragraphs.Any(p => p.Text.StartsWith("On 18 March 2008", StringComparison.Ordinal)));
    }

    [Fact]
    public void Markup_and_ocr_slips_are_cleaned()
    {
        var doc = Parse("""
            ## Participants

            Members responsible for the 2<sup>nd</sup> and 3<sup>rd</sup> Committees, with **Development** and **document** issues.

            The Commission set up a &10 million fund; remittances amounted to \$316 billion (see the report)¹.
            """);

        Assert.Contains("2nd and 3rd Committees, with Development and document issues.", doc.Document.Text);
        Assert.Contains("€10 million", doc.Document.Text);
        Assert.Contains("$316 billion (see the report).", doc.Document.Text);
        Assert.DoesNotContain("*", doc.Document.Text);
        Assert.DoesNotContain("<sup>", doc.Document.Text);
    }

    [Fact]
    public void Bullets_numbers_and_letters_are_recognised()
    {
        var doc = Parse("""
            This seminar is intended to:

            - increase mutual understanding;
            • look at development cooperation;
            - o brief delegates on the Global Forum.

            e) There was a repeated call for coherence of policies.

            - 15. The organization of the second meeting is well under way.
            """);

        var items = doc.Paragraphs.Where(p => p.Kind == ParagraphKind.ListItem).Select(p => p.Text).ToList();
        Assert.Equal(["increase mutual understanding;", "look at development cooperation;", "brief delegates on the Global Forum."], items);
        Assert.Contains(doc.Paragraphs, p => p.Lettered && p.Number == "e");
        Assert.Contains(doc.Paragraphs, p => !p.Lettered && p.Number == "15");
    }

    [Fact]
    public void A_table_of_contents_is_dropped()
    {
        var doc = Parse("""
            Contents

            I.	Intr	oduction	3

            II.	Hig	h-level Dialogue on International Migration and Development	3

            III.	Follow-up to the Dialogue	5

            I. Introduction

            1. The High-level Dialogue marked a defining moment for the Member States of the United Nations.
            """);

        Assert.DoesNotContain("oduction 3", doc.Document.Text);
        Assert.Contains("1. The High-level Dialogue marked", doc.Document.Text);
    }

    [Theory]
    [InlineData("# Migration and Development Series Seminar on Building Partnerships\n\n## Draft Information Note\n\nNew York, 7 March 2007\n\nText of the note follows here.",
        "Migration and Development Series Seminar on Building Partnerships")]
    [InlineData("United Nations A/63/269\n\nDistr.: General 11 August 2008\n\nSixty-third session\n\nGlobalization and interdependence: international migration and development\n\nInternational migration and development\n\nReport of the Secretary-General\n\nSummary\n\nThe present report provides a basis for the consideration of options.",
        "Report of the Secretary-General: International migration and development (A/63/269)")]
    [InlineData("THE PRESIDENT\nOF THE\nGENERAL ASSEMBLY\n\n5 April 2011\n\nExcellency,\n\nFurther to my letter of 21 December 2010, informing you that the one-day Informal Thematic Debate on International Migration and Development will take place in New York on 19 May 2011, I am pleased to share the concept paper.",
        "Informal Thematic Debate on International Migration and Development")]
    [InlineData("General Assembly\n\nLetter dated 13 April 2006 from the Permanent Mission of Belgium to the United Nations addressed to the Secretary-General\n\nI have the pleasure of transmitting to you the conclusions of the International Conference on Migration and Development, held in Brussels.",
        "International Conference on Migration and Development")]
    [InlineData("UN/POP/MIG-5CM/2006/07 16 November 2006\n\nFIFTH COORDINATION MEETING ON INTERNATIONAL MIGRATION Population Division New York\n\nMigration is one of the defining phenomena of our time.",
        "Fifth Coordination Meeting on International Migration")]
    public void Titles_are_derived_from_the_document_structure(string text, string title) =>
        Assert.Equal(title, Parse(text).Document.Title);
}
