using DelegateBot.Core.Recognizers;

namespace DelegateBot.Core.Tests.Recognizers;

public class ChoiceRecognizerTests
{
    // The three sessions of the UNITAR seminar of 7 March 2007.
    private static readonly Choice[] Sessions =
    [
        new("Session 1: Approaches to the migration-development nexus") { Synonyms = ["approaches", "nexus"] },
        new("Session 2: Innovative policies and good practices") { Synonyms = ["remittances", "good practices"] },
        new("Session 3: Regional and international initiatives") { Synonyms = ["Global Forum", "GMG"] },
    ];

    private static readonly Choice[] Languages = [new("English") { Synonyms = ["EN", "anglais"] }, new("French") { Synonyms = ["FR", "français"] }];

    private static readonly Choice[] Titles = [new("Ambassador"), new("Minister Counsellor"), new("Counsellor"), new("First Secretary"), new("Second Secretary"), new("Attaché")];

    [Theory]
    [InlineData("French", 1, ChoiceMatchKind.Exact)]
    [InlineData("french", 1, ChoiceMatchKind.Exact)]
    [InlineData("FR", 1, ChoiceMatchKind.Synonym)]
    [InlineData("français", 1, ChoiceMatchKind.Synonym)]
    [InlineData("francais", 1, ChoiceMatchKind.Synonym)]
    [InlineData("anglais", 0, ChoiceMatchKind.Synonym)]
    [InlineData("2", 1, ChoiceMatchKind.Index)]
    [InlineData("1", 0, ChoiceMatchKind.Index)]
    [InlineData("the second one", 1, ChoiceMatchKind.Index)]
    [InlineData("option 2", 1, ChoiceMatchKind.Index)]
    [InlineData("number two", 1, ChoiceMatchKind.Index)]
    [InlineData("la deuxième", 1, ChoiceMatchKind.Index)]
    [InlineData("le premier", 0, ChoiceMatchKind.Index)]
    [InlineData("last", 1, ChoiceMatchKind.Index)]
    [InlineData("la dernière", 1, ChoiceMatchKind.Index)]
    [InlineData("I'd like French please", 1, ChoiceMatchKind.Contained)]
    [InlineData("Frnech", 1, ChoiceMatchKind.Partial)]
    [InlineData("fren", 1, ChoiceMatchKind.Partial)]
    public void Languages_by_name_synonym_number_and_partial(string text, int index, ChoiceMatchKind kind)
    {
        var result = ChoiceRecognizer.Recognize(text, Languages);
        Assert.True(result.Succeeded, string.Join(", ", result.Candidates));
        Assert.Equal(index, result.Match!.Index);
        Assert.Equal(kind, result.Match.Kind);
    }

    [Theory]
    [InlineData("remittances", 1)]
    [InlineData("good practices", 1)]
    [InlineData("Global Forum", 2)]
    [InlineData("the third", 2)]
    [InlineData("troisième", 2)]
    [InlineData("innovative", 1)]
    [InlineData("innov policies", 1)]
    [InlineData("regionl initiatives", 2)]
    [InlineData("the session on remittances", 1)]
    [InlineData("migration development nexus", 0)]
    [InlineData("internationl", 2)]
    public void Sessions_by_partial_or_misspelt_words(string text, int index)
    {
        var result = ChoiceRecognizer.Recognize(text, Sessions);
        Assert.True(result.Succeeded, string.Join(", ", result.Candidates));
        Assert.Equal(index, result.Match!.Index);
    }

    [Theory]
    [InlineData("session", new[] { 0, 1, 2 })]
    [InlineData("secretary", new[] { 3, 4 })]
    [InlineData("counsellor", new[] { 2 })] // the exact name beats a longer one containing it
    [InlineData("English and French", new[] { 0, 1 })]
    public void Ties_are_reported_as_ambiguous(string text, int[] expected)
    {
        var choices = text.Contains("session") ? Sessions : text.Contains("English") ? Languages : (IReadOnlyList<Choice>)Titles;
        var result = ChoiceRecognizer.Recognize(text, choices);
        Assert.Equal(expected, result.Candidates.Select(c => c.Index).Order());
        Assert.Equal(expected.Length > 1, result.IsAmbiguous);
    }

    [Theory]
    [InlineData("second", new[] { 0, 1 })]
    [InlineData("la deuxième", new[] { 0, 1 })]
    [InlineData("2", new[] { 1 })]
    [InlineData("the third one", new[] { 1, 2 })]
    [InlineData("1", new[] { 0 })]
    public void A_position_that_is_also_a_word_of_another_choice_is_asked_back(string text, int[] expected)
    {
        // "1. Second Committee, 2. Third Committee, 3. Migration focal point"
        Choice[] committees = [new("Second Committee") { Synonyms = ["Deuxième Commission"] }, new("Third Committee") { Synonyms = ["Troisième Commission"] }, new("Migration focal point")];
        Assert.Equal(expected, ChoiceRecognizer.Recognize(text, committees).Candidates.Select(c => c.Index).Order());
    }

    [Theory]
    [InlineData("first secretary", 3)]
    [InlineData("2nd secretary", 4)]
    [InlineData("minister", 1)]
    [InlineData("attache", 5)]
    [InlineData("6", 5)]
    public void Titles_by_words_and_position(string text, int index)
        => Assert.Equal(index, ChoiceRecognizer.Recognize(text, Titles).Match?.Index);

    [Theory]
    [InlineData("")]
    [InlineData("7")]
    [InlineData("0")]
    [InlineData("German")]
    [InlineData("where is the seminar?")]
    public void No_match(string text)
    {
        var result = ChoiceRecognizer.Recognize(text, Languages);
        Assert.False(result.Succeeded);
        Assert.False(result.IsAmbiguous);
    }

    [Fact]
    public void Choices_named_by_numbers_match_by_name_before_position()
    {
        Choice[] years = [new("2008"), new("2007"), new("1")];
        Assert.Equal(2, ChoiceRecognizer.Recognize("1", years).Match!.Index);
        Assert.Equal(1, ChoiceRecognizer.Recognize("2", years).Match!.Index);
    }

    [Theory]
    [InlineData("1 and 3", new[] { 0, 2 })]
    [InlineData("1, 3", new[] { 0, 2 })]
    [InlineData("1 3", new[] { 0, 2 })]
    [InlineData("1-3", new[] { 0, 1, 2 })]
    [InlineData("sessions 2 à 3", new[] { 1, 2 })]
    [InlineData("first and third", new[] { 0, 2 })]
    [InlineData("la première et la troisième", new[] { 0, 2 })]
    [InlineData("remittances, Global Forum", new[] { 1, 2 })]
    [InlineData("remittances et le GMG", new[] { 1, 2 })]
    [InlineData("all", new[] { 0, 1, 2 })]
    [InlineData("all of them", new[] { 0, 1, 2 })]
    [InlineData("toutes", new[] { 0, 1, 2 })]
    [InlineData("Session 2: Innovative policies and good practices", new[] { 1 })]
    [InlineData("2", new[] { 1 })]
    public void Several_choices_at_once(string text, int[] expected)
    {
        var result = ChoiceRecognizer.RecognizeMany(text, Sessions);
        Assert.True(result.Succeeded, $"unrecognised: {string.Join("|", result.Unrecognized)}; ambiguous: {result.Ambiguous.Count}");
        Assert.Equal(expected, result.Matches.Select(m => m.Index));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("aucune")]
    [InlineData("neither")]
    public void None_is_an_explicit_answer(string text)
    {
        var result = ChoiceRecognizer.RecognizeMany(text, Languages);
        Assert.True(result.Succeeded);
        Assert.True(result.None);
        Assert.Empty(result.Matches);
    }

    [Theory]
    [InlineData("no", true, new int[0])]
    [InlineData("non", true, new int[0])]
    [InlineData("nope", true, new int[0])]
    [InlineData("no thanks", true, new int[0])]
    [InlineData("yep", false, new[] { 0 })]
    [InlineData("oui", false, new[] { 0 })]
    [InlineData("yes please", false, new[] { 0 })]
    [InlineData("no 1", false, new[] { 0 })]
    [InlineData("I don't know", false, new int[0])]
    public void Yes_or_no_answers_a_question_with_one_choice(string text, bool none, int[] expected)
    {
        // "Will you need interpretation? 1. French"
        var result = ChoiceRecognizer.RecognizeMany(text, [new Choice("French") { Synonyms = ["FR", "français"] }]);
        Assert.Equal(expected.Length > 0 || none, result.Succeeded);
        Assert.Equal(none, result.None);
        Assert.Equal(expected, result.Matches.Select(m => m.Index));
    }

    [Fact]
    public void Yes_does_not_say_which_of_several_choices_but_no_is_none_of_them()
    {
        Assert.False(ChoiceRecognizer.RecognizeMany("yes", Languages).Succeeded);
        Assert.True(ChoiceRecognizer.RecognizeMany("non", Languages).None);
    }

    [Theory]
    [InlineData("first sec", "First Secretary", true)]
    [InlineData("First Secretary", "First Secretary", true)]
    [InlineData("I am an ambassador", "Ambassador", true)]
    [InlineData("je suis conseiller", "Counsellor", true)]
    [InlineData("Minister Counselor", "Minister Counsellor", true)]
    [InlineData("Legal Adviser", "Expert", false)]
    [InlineData("Deputy Permanent Representative", "Ambassador", false)]
    [InlineData("Fifth Committee", "Second Secretary", false)]
    [InlineData("the", "Attaché", false)]
    public void An_answer_that_names_only_the_choice(string text, string value, bool expected)
    {
        Choice[] titles = [.. Titles.Select(t => t.Value switch
        {
            "Ambassador" => t with { Synonyms = ["Permanent Representative"] },
            "Counsellor" => t with { Synonyms = ["Conseiller"] },
            _ => t,
        }), new Choice("Expert") { Synonyms = ["Adviser"] }];
        Assert.Equal(expected, ChoiceRecognizer.NamesOnly(text, titles.Single(c => c.Value == value)));
    }

    [Fact]
    public void Both_in_French()
        => Assert.Equal([0, 1], ChoiceRecognizer.RecognizeMany("les deux", Languages).Matches.Select(m => m.Index));

    [Fact]
    public void Unknown_and_ambiguous_parts_are_reported()
    {
        var result = ChoiceRecognizer.RecognizeMany("1, 9 and secretary", Titles);
        Assert.False(result.Succeeded);
        Assert.Equal([0], result.Matches.Select(m => m.Index));
        Assert.Equal(["9"], result.Unrecognized);
        Assert.Equal([3, 4], Assert.Single(result.Ambiguous).Candidates.Select(c => c.Index).Order());
    }

    [Fact]
    public void A_word_shared_by_every_choice_is_not_a_choice_of_its_own()
        => Assert.True(ChoiceRecognizer.RecognizeMany("sessions 1 and 3", Sessions).Succeeded);
}
