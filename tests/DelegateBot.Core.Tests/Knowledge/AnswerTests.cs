using DelegateBot.Core.Knowledge;

namespace DelegateBot.Core.Tests.Knowledge;

/// <summary>Answers through the real index over the repository's seed documents, copied into a temp folder.</summary>
public sealed class AnswerTests : IDisposable
{
    private readonly AnsweringFolder _knowledge = new(new KnowledgeFolder().WithSeeds());

    public void Dispose() => _knowledge.Dispose();

    private Answer Ask(string question) => _knowledge.Ask(question);

    /// <summary>
    /// Our own questions (not the evaluation set's), each with terms the answer must contain: a regression net
    /// over question types (when, where, who, how many, how much, lists, definitions, acronyms both ways).
    /// </summary>
    [Theory]
    [InlineData("Who chairs the Global Migration Group?", "Anthony Lake")]
    [InlineData("What is the theme of the second Global Forum meeting?", "protecting and empowering migrants for development")]
    [InlineData("Who organized the civil society meeting before the Brussels forum?", "King Baudouin Foundation")]
    [InlineData("How much did the ACP Migration Facility receive?", "€25 million")]
    [InlineData("Which agencies are members of the GMG?", "UNHCR", "World Bank")]
    [InlineData("Which country hosts the GFMD in 2009?", "Greece")]
    [InlineData("Where will the third meeting of the GFMD be held?", "Greece")]
    [InlineData("How many Member States participated in the first meeting of the Global Forum?", "156")]
    [InlineData("Who hosted the first meeting of the Global Forum?", "Government of Belgium")]
    [InlineData("How much did the European Commission allocate to support small-scale migration and development projects?", "€15 million")]
    [InlineData("What is the HLD?", "High-Level Dialogue")]
    [InlineData("When is the seminar on Building Partnerships?", "7 March 2007")]
    [InlineData("What are the objectives of the seminar?", "increase mutual understanding", "Global Migration Group")]
    [InlineData("Who is the President of the General Assembly?", "Joseph Deiss")]
    [InlineData("When is the GA debate on migration?", "19 May")]
    [InlineData("Who are the panelists of panel two?", "Eduard Gnesa", "Anthony Lake", "Rafael Fernández de Castro")]
    [InlineData("What time does panel one start?", "10:20")]
    [InlineData("Who gave the opening remarks?", "Joseph Deiss")]
    [InlineData("How many regional consultative processes are there?", "13")]
    [InlineData("Where was the first meeting of the Global Forum held?", "Brussels")]
    public void Answers_our_own_questions(string question, params string[] expected) =>
        _knowledge.AssertAnswers(question, expected, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void An_answer_starts_with_the_short_answer_and_cites_title_location_and_sentence()
    {
        var answer = Ask("When is the GFMD in Manila?");

        Assert.True(answer.Found);
        Assert.StartsWith("29 and 30 October 2008", answer.Text);
        var citation = answer.Citations[0];
        Assert.Equal("Report of the Secretary-General: International migration and development (A/63/269)", citation.Document);
        Assert.Equal("paragraph 15", citation.Location);
        Assert.Contains("host it in Manila on 29 and 30 October 2008", citation.Excerpt);
        Assert.Equal("sg-report-international-migration-development-2008.txt", citation.Source);
    }

    [Fact]
    public void A_programme_answer_cites_the_programme_item_and_its_line()
    {
        var answer = Ask("Who chairs panel two?");

        Assert.StartsWith("Dr. Khalid Koser", answer.Text);
        Assert.Equal("Informal Thematic Debate on International Migration and Development", answer.Citations[0].Document);
        Assert.Contains("Panel two", answer.Citations[0].Location);
        Assert.Contains("Chair: Dr. Khalid Koser", answer.Citations[0].Excerpt);
    }

    [Fact]
    public void A_list_question_gets_the_whole_list()
    {
        var answer = Ask("Who are the panelists of panel one?");

        foreach (var name in new[] { "Lorena Escudero", "Driss El Yazami", "Chukwu-Emeka Chikezie", "Göran Hultin", "John Connell" })
            Assert.Contains(name, answer.Text);
        Assert.DoesNotContain("Khalid Koser", answer.Text);
    }

    [Fact]
    public void When_two_events_fit_the_most_specific_is_answered_and_the_other_named()
    {
        var answer = Ask("Who chairs the panel?");

        Assert.True(answer.Found);
        Assert.NotNull(answer.Alternative);
        var both = answer.Text + " " + answer.Alternative;
        Assert.Contains("Khalid Koser", both);
        Assert.Contains("William Swing", both);
        Assert.Equal(2, answer.Citations.Count);
    }

    [Theory]
    [InlineData("What is the wifi password at the conference?")]
    [InlineData("Which hotel is recommended for delegates in Manila?")]
    [InlineData("Who won the 2010 football world cup?")]
    [InlineData("What is the capital of France?")]
    [InlineData("Which restaurant serves lunch at the conference?")]
    [InlineData("What is the dress code for the reception?")]
    [InlineData("Who is the mayor of Manila?")]
    [InlineData("")]
    public void Questions_the_documents_cannot_answer_are_declined_plainly(string question)
    {
        var answer = Ask(question);

        Assert.False(answer.Found, answer.Text);
        Assert.Empty(answer.Citations);
        if (question.Length > 0)
        {
            Assert.StartsWith("I could not find this in the meeting documents.", answer.Text);
            Assert.NotEmpty(answer.Suggestions);
        }
    }

    [Fact]
    public void Passage_search_ranks_with_bm25_and_exposes_all_passages()
    {
        var hits = _knowledge.Index.Search("Ayala Foundation civil society Manila", 3);

        Assert.Equal("paragraph 15", hits[0].Passage.Location);
        Assert.True(hits[0].Score >= hits[^1].Score);
        Assert.Contains(_knowledge.Index.AllPassages, p => p.Id == hits[0].Passage.Id);
        Assert.Equal(5, _knowledge.Index.Documents.Count);
        Assert.Empty(_knowledge.Index.Problems);
    }
}
