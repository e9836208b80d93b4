using DelegateBot.Core.Recognizers;

namespace DelegateBot.Core.Tests.Recognizers;

public class NumberRecognizerTests
{
    [Theory]
    [InlineData("12", "en-US", 12)]
    [InlineData("-4", "en-US", -4)]
    [InlineData("twelve", "en-US", 12)]
    [InlineData("douze", "fr-FR", 12)]
    [InlineData("Douze", "en-US", 12)] // words are recognised in both languages
    [InlineData("zero", "en-US", 0)]
    [InlineData("twenty-one", "en-US", 21)]
    [InlineData("twenty one", "en-US", 21)]
    [InlineData("ninety nine", "en-US", 99)]
    [InlineData("one hundred and five", "en-US", 105)]
    [InlineData("a hundred", "en-US", 100)]
    [InlineData("two thousand seven", "en-US", 2007)]
    [InlineData("three million", "en-US", 3_000_000)]
    [InlineData("vingt et un", "fr-FR", 21)]
    [InlineData("dix-sept", "fr-FR", 17)]
    [InlineData("soixante-dix", "fr-FR", 70)]
    [InlineData("soixante et onze", "fr-FR", 71)]
    [InlineData("quatre-vingts", "fr-FR", 80)]
    [InlineData("quatre-vingt-dix-sept", "fr-FR", 97)]
    [InlineData("quatre vingt un", "fr-FR", 81)]
    [InlineData("septante-cinq", "fr-CH", 75)]
    [InlineData("deux cents", "fr-FR", 200)]
    [InlineData("deux mille sept", "fr-FR", 2007)]
    [InlineData("mille", "fr-FR", 1000)]
    [InlineData("1,000", "en-US", 1000)]
    [InlineData("1,234,567", "en-US", 1_234_567)]
    [InlineData("1 000", "fr-FR", 1000)]
    [InlineData("1\u00A0000", "fr-FR", 1000)]
    [InlineData("1\u202F000", "fr-FR", 1000)]
    [InlineData("1'000", "fr-CH", 1000)]
    [InlineData("1,000.50", "en-US", 1000.5)]
    [InlineData("1.000,50", "fr-FR", 1000.5)]
    [InlineData("3.5", "en-US", 3.5)]
    [InlineData("3,5", "fr-FR", 3.5)]
    [InlineData("3,5", "en-US", 3.5)] // no valid grouping: it can only be a decimal
    [InlineData("about 40 people", "en-US", 40)]
    [InlineData("nous serons quinze", "fr-FR", 15)]
    public void Cardinals(string text, string locale, double expected)
    {
        var match = NumberRecognizer.Recognize(text, RecognizerCulture.From(locale));
        Assert.NotNull(match);
        Assert.Equal((decimal)expected, match.Value);
        Assert.Equal(NumberKind.Cardinal, match.Kind);
    }

    [Theory]
    [InlineData("first", 1)]
    [InlineData("1st", 1)]
    [InlineData("2nd", 2)]
    [InlineData("3rd", 3)]
    [InlineData("4th", 4)]
    [InlineData("second", 2)]
    [InlineData("third", 3)]
    [InlineData("fifth", 5)]
    [InlineData("twelfth", 12)]
    [InlineData("twentieth", 20)]
    [InlineData("twenty-first", 21)]
    [InlineData("the second one", 2)]
    [InlineData("premier", 1)]
    [InlineData("première", 1)]
    [InlineData("1er", 1)]
    [InlineData("1re", 1)]
    [InlineData("2e", 2)]
    [InlineData("2ème", 2)]
    [InlineData("deuxième", 2)]
    [InlineData("seconde", 2)]
    [InlineData("troisième", 3)]
    [InlineData("quatrième", 4)]
    [InlineData("cinquième", 5)]
    [InlineData("neuvième", 9)]
    [InlineData("onzième", 11)]
    [InlineData("vingt et unième", 21)]
    [InlineData("quatre-vingtième", 80)]
    public void Ordinals(string text, int expected)
    {
        var match = NumberRecognizer.Recognize(text);
        Assert.NotNull(match);
        Assert.Equal(expected, match.Value);
        Assert.Equal(NumberKind.Ordinal, match.Kind);
    }

    [Theory]
    [InlineData("1,000", "fr-FR", 1, 1000)] // French decimal comma, or a thousand typed the English way
    [InlineData("1.000", "en-US", 1, 1000)]
    [InlineData("1.000", "fr-FR", 1000, 1)]
    public void Separators_that_read_two_ways_are_reported(string text, string locale, double expected, double alternative)
    {
        var match = NumberRecognizer.Recognize(text, RecognizerCulture.From(locale))!;
        Assert.Equal((decimal)expected, match.Value);
        Assert.Equal([(decimal)alternative], match.Alternatives);
    }

    [Fact]
    public void Finds_every_number_in_reading_order()
    {
        var all = NumberRecognizer.RecognizeAll("sessions one, 3 and the fifth");
        Assert.Equal([1m, 3m, 5m], all.Select(m => m.Value));
        Assert.Equal([NumberKind.Cardinal, NumberKind.Cardinal, NumberKind.Ordinal], all.Select(m => m.Kind));
    }

    [Fact]
    public void Separate_number_words_are_separate_numbers()
        => Assert.Equal([2m, 3m], NumberRecognizer.RecognizeAll("two three").Select(m => m.Value));

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("1,00,0")]
    [InlineData("anyone")]
    public void No_number(string text) => Assert.Null(NumberRecognizer.Recognize(text));
}
