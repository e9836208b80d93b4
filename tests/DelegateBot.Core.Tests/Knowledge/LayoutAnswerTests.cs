using DelegateBot.Core.Knowledge;
using DelegateBot.Core.Knowledge.Answering;
using DelegateBot.Core.Knowledge.Index;
using DelegateBot.Core.Knowledge.Ingestion;

namespace DelegateBot.Core.Tests.Knowledge;

/// <summary>
/// Answers that depend on how a document is laid out or phrased: a letter's own date and reference against those it
/// cites, the agent of a passive verb, what holds for all meetings against what one of them says, an HTML table of labels and of programme items with their speakers, and a
/// question's misspelt word. Our own two documents (not the seeds), through the real index and answer service.
/// </summary>
public sealed class LayoutAnswerTests : IDisposable
{
    private const string Letter = """
        WORLD TRADE ASSOCIATION

        Ref.: WTA/2021/077

        Vienna, 14 October 2021

        Excellency,

        Further to my letter of 2 August 2021, I have the honour to invite your Government to the Expert Meeting on Seasonal Workers, to be held in Vienna on 9 and 10 December 2021.

        The meeting is organized by the Secretariat of the Association, assisted by the Vienna Liaison Office.

        Please accept, Excellency, the assurances of my highest consideration.

        Maria Lindqvist
        Secretary-General
        """;

    private const string Page = """
        <html><head><title>Workshop on Coastal Fisheries Mobility</title></head><body>
        <nav><a href="/">Home</a> <a href="/events">Events</a> <a href="/contact">Contact us</a></nav>
        <h1>Workshop on Coastal Fisheries Mobility</h1>
        <table>
          <tr><td>Venue</td><td>Hofburg Congress Centre, Heldenplatz, Vienna</td></tr>
          <tr><td>Working language</td><td>English</td></tr>
        </table>
        <h2>Programme</h2>
        <table>
          <tr><th>Time</th><th>Session</th><th>Speakers</th></tr>
          <tr><td>09:00 – 09:30</td><td>Opening remarks</td><td>Ms. Anna Berger, Director<br>Mr. Tomas Novak, Deputy Mayor</td></tr>
          <tr><td>09:30 – 11:00</td><td>Panel one: Recruitment at sea</td><td>Moderator: Ms. Lucia Ferreira</td></tr>
        </table>
        </body></html>
        """;

    private const string Report = """
        Annual report of the Seasonal Mobility Network 2020

        The first meeting of the Seasonal Mobility Network, organized by the Government of Austria, took place in Graz in 2018.

        The meetings of the Seasonal Mobility Network are organized by the rotating chair, assisted by the Network secretariat.

        The Charter of the Network enters into force on the thirtieth day after the date of its signature by the fifth member, or on 1 January 2021, whichever is later.
        """;

    private readonly AnsweringFolder _knowledge = new(Documents());

    private static KnowledgeFolder Documents()
    {
        var folder = new KnowledgeFolder();
        folder.Write("wta-letter-seasonal-workers-2021.txt", Letter);
        folder.Write("coastal-fisheries-workshop.html", Page);
        folder.Write("seasonal-mobility-network-report-2020.txt", Report);
        return folder;
    }

    public void Dispose() => _knowledge.Dispose();

    [Theory]
    [InlineData("What is the date of the letter?", "14 October 2021")]
    [InlineData("What is the reference number of the letter?", "WTA/2021/077")]
    [InlineData("Who is the Secretariat assisted by?", "Vienna Liaison Office")]
    [InlineData("When is the Expert Meeting on Seasonal Wrokers?", "9 and 10 December 2021")]
    [InlineData("Where is the workshop on coastal fisheries mobility held?", "Hofburg Congress Centre")]
    [InlineData("What is the working language of the workshop?", "English")]
    [InlineData("Who gives the opening remarks at the workshop?", "Anna Berger", "Tomas Novak")]
    [InlineData("Who moderates panel one?", "Lucia Ferreira")]
    [InlineData("Who organizes the meetings of the Seasonal Mobility Network?", "rotating chair")]
    [InlineData("Who organized the first meeting of the Seasonal Mobility Network?", "Government of Austria")]
    [InlineData("When does the Charter of the Network enter into force?", "thirtieth day after the date of its signature by the fifth member")]
    public void Answers_from_the_layout_and_phrasing_of_our_documents(string question, params string[] expected) =>
        _knowledge.AssertAnswers(question, expected, StringComparison.Ordinal);

    [Fact]
    public void The_letter_date_is_not_the_date_of_the_letter_it_cites()
    {
        var answer = _knowledge.Ask("What is the date of the letter?");

        Assert.StartsWith("14 October 2021", answer.Text);
        Assert.Equal("wta-letter-seasonal-workers-2021.txt", answer.Citations[0].Source);
    }

    [Fact]
    public void The_navigation_menu_of_a_page_is_not_read()
    {
        var passages = _knowledge.Index.AllPassages.Where(p => p.Source == "coastal-fisheries-workshop.html").ToList();

        Assert.NotEmpty(passages);
        Assert.DoesNotContain(passages, p => p.Text.Contains("Contact us", StringComparison.Ordinal));
    }
}

public sealed class SpellingVocabularyTests
{
    [Theory]
    [InlineData("manilla", "manila", true)]    // a letter added
    [InlineData("regstration", "registration", true)] // a letter dropped
    [InlineData("pannel", "panel", true)]
    [InlineData("wrokers", "workers", true)]   // two neighbours swapped
    [InlineData("genava", "geneva", true)]     // a letter changed
    [InlineData("geneva", "geneva", false)]    // the same word is no edit
    [InlineData("wrkres", "workers", false)]   // two edits
    public void One_edit_apart_is_one_insertion_deletion_substitution_or_swap(string a, string b, bool expected) =>
        Assert.Equal(expected, SpellingVocabulary.OneEditApart(a, b));

    [Fact]
    public void The_most_frequent_written_word_one_edit_away_corrects_a_slip()
    {
        var vocabulary = new SpellingVocabulary();
        foreach (var word in new[] { "Manila", "Manila", "manual", "Panel", "panels", "wifi" }) vocabulary.Add(word);
        vocabulary.Freeze();

        Assert.Equal("manila", vocabulary.Correct("Manilla"));
        Assert.Equal("panel", vocabulary.Correct("pannel"));
        Assert.Null(vocabulary.Correct("wife")); // too short to correct: one edit reaches too many words
        Assert.Null(vocabulary.Correct("brussels")); // nothing near
    }
}

public sealed class TableTextTests
{
    [Fact]
    public void Two_columns_of_labels_and_values_become_labelled_lines()
    {
        var text = TableText.Render([["Venue", "Centara Grand Hotel"], ["Working language", "English"]], header: null);

        Assert.Contains("Venue: Centara Grand Hotel", text);
        Assert.Contains("Working language: English", text);
    }

    [Fact]
    public void A_table_with_a_header_row_becomes_markdown_rows_with_a_cell_per_line_joined()
    {
        var text = TableText.Render([["Time", "Session", "Speakers"], ["09:00 – 09:30", "Opening", "Ms. A\nMr. B"]], header: true);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("| Time | Session | Speakers |", lines[0]);
        Assert.Equal("| --- | --- | --- |", lines[1]);
        Assert.Equal("| 09:00 – 09:30 | Opening | Ms. A; Mr. B |", lines[2]);
    }

    [Fact]
    public void Any_other_table_is_one_line_a_row()
    {
        var text = TableText.Render([["12", "Geneva | Palais", "2019"], ["", "", ""]], header: null);

        Assert.Equal("12 | Geneva / Palais | 2019", text.Trim());
    }
}

public sealed class AgentTests
{
    [Theory]
    [InlineData("It shall enter into force on the ninetieth day after the date of deposit of the fortieth instrument of ratification, acceptance or approval.",
        "ninetieth day after the date of deposit of the fortieth instrument of ratification")]
    [InlineData("It enters into force for that State on the thirtieth day after the date of deposit by such State of the relevant instrument or on the date this Charter enters into force.",
        "thirtieth day after the date of deposit by such State of the relevant instrument")]
    [InlineData("Denunciation takes effect one year after the date of receipt of the notification by the Secretary-General.",
        "one year after the date of receipt of the notification by the Secretary-General")]
    public void A_treaty_clock_is_a_date_of_whole_words_not_ending_on_a_connector(string sentence, string date) =>
        Assert.Contains(EntityExtractor.Extract(sentence), e => e.Kind == EntityKind.Date && e.Text == date && e.Role == "relative");

    [Theory]
    [InlineData("The meeting is organized by the Chair-in-Office, assisted by other members of the Troika.", "assisted", "other members of the Troika")]
    [InlineData("The session will be held under the chairmanship of the Philippines.", "chaired", "Philippines")]
    [InlineData("The meetings are organized by the rotating chair, assisted by the secretariat.", "organized", "rotating chair")]
    [InlineData("The workshop is jointly funded by the European Union and UNDP, which also host it.", "funded", "European Union and UNDP")]
    public void The_agent_of_a_passive_verb_is_found_with_its_verb(string sentence, string verb, string agent)
    {
        var entities = EntityExtractor.Extract(sentence);

        Assert.Contains(entities, e => e.Kind == EntityKind.Agent && e.Text == agent && e.Role == verb);
    }

    [Fact]
    public void By_a_means_is_no_agent()
    {
        var entities = EntityExtractor.Extract("Nominations should be sent by e-mail to the secretariat.");

        Assert.DoesNotContain(entities, e => e.Kind == EntityKind.Agent && e.Text.StartsWith("e-mail", StringComparison.Ordinal));
    }
}
