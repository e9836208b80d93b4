using DelegateBot.Core.Recognizers;
using Microsoft.Extensions.Time.Testing;

namespace DelegateBot.Core.Tests.Recognizers;

public class DateRecognizerTests
{
    // Wednesday 21 February 2007, 10:00 in New York: a week before the UNITAR seminar's deadline.
    private static readonly DateTimeOffset Now = new(2007, 2, 21, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Zurich = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");

    private static DateRecognition? Recognize(string text, string locale = "en-US", YearPreference preference = YearPreference.Future, DateTimeOffset? now = null, TimeZoneInfo? zone = null)
        => new DateRecognizer(new FakeTimeProvider(now ?? Now)).Recognize(text, RecognizerCulture.From(locale), zone ?? NewYork, preference);

    [Theory]
    [InlineData("2 March", "2007-03-02")]
    [InlineData("March 2", "2007-03-02")]
    [InlineData("march 2nd", "2007-03-02")]
    [InlineData("2nd of March", "2007-03-02")]
    [InlineData("the 2nd of March 2007", "2007-03-02")]
    [InlineData("March 2, 2007", "2007-03-02")]
    [InlineData("Mar. 2 2007", "2007-03-02")]
    [InlineData("Friday 2 March 2007", "2007-03-02")]
    [InlineData("I'll arrive on 2 March 2007, thanks", "2007-03-02")]
    [InlineData("2 mars", "2007-03-02")]
    [InlineData("2 mars 2007", "2007-03-02")]
    [InlineData("le 2 mars 2007", "2007-03-02")]
    [InlineData("vendredi 2 mars 2007", "2007-03-02")]
    [InlineData("le 1er mars", "2007-03-01")]
    [InlineData("premier mars", "2007-03-01")]
    [InlineData("1 FÉVRIER 2008", "2008-02-01")]
    [InlineData("15 août 2007", "2007-08-15")]
    [InlineData("first of April", "2007-04-01")]
    [InlineData("2007-03-02", "2007-03-02")]
    [InlineData("2007/3/2", "2007-03-02")]
    [InlineData("29 February 2008", "2008-02-29")]
    public void Absolute_dates_in_words_and_iso(string text, string expected)
    {
        var result = Recognize(text);
        Assert.NotNull(result);
        Assert.Equal(DateOnly.Parse(expected), result.Value);
        Assert.False(result.IsRelative);
        Assert.False(result.IsAmbiguous);
    }

    [Theory]
    [InlineData("2 March", true)]
    [InlineData("2 March 2007", false)]
    [InlineData("2007-03-02", false)]
    public void Reports_when_the_year_was_inferred(string text, bool inferred)
        => Assert.Equal(inferred, Recognize(text)!.YearInferred);

    [Theory]
    [InlineData("15 January", YearPreference.Future, "2008-01-15")]
    [InlineData("15 January", YearPreference.Past, "2007-01-15")]
    [InlineData("21 February", YearPreference.Future, "2007-02-21")]
    [InlineData("1 March", YearPreference.Past, "2006-03-01")]
    public void A_date_without_year_takes_the_preferred_side_of_today(string text, YearPreference preference, string expected)
        => Assert.Equal(DateOnly.Parse(expected), Recognize(text, preference: preference)!.Value);

    [Theory]
    // Numeric dates: the locale decides the order; the other reading is reported as an alternative.
    [InlineData("02/03/2007", "en-US", "2007-02-03", "2007-03-02")]
    [InlineData("02/03/2007", "en-GB", "2007-03-02", "2007-02-03")]
    [InlineData("02/03/2007", "fr-FR", "2007-03-02", "2007-02-03")]
    [InlineData("2/3/2007", "fr-CA", "2007-03-02", "2007-02-03")]
    [InlineData("02.03.2007", "fr-CH", "2007-03-02", "2007-02-03")]
    [InlineData("2/3", "fr-FR", "2007-03-02", "2008-02-03")] // no year: each reading takes its next occurrence
    [InlineData("2/3/07", "en-GB", "2007-03-02", "2007-02-03")]
    public void Numeric_dates_follow_the_locale_and_report_ambiguity(string text, string locale, string expected, string alternative)
    {
        var result = Recognize(text, locale);
        Assert.NotNull(result);
        Assert.Equal(DateOnly.Parse(expected), result.Value);
        Assert.True(result.IsAmbiguous);
        Assert.Equal([DateOnly.Parse(alternative)], result.Alternatives);
    }

    [Theory]
    [InlineData("13/03/2007", "en-US", "2007-03-13")] // 13 cannot be a month: day-first even in the US
    [InlineData("03/13/2007", "fr-FR", "2007-03-13")]
    [InlineData("03/03/2007", "en-US", "2007-03-03")] // both readings are the same day
    [InlineData("31/12/99", "en-GB", "1999-12-31")]
    public void Numeric_dates_with_a_single_reading_are_not_ambiguous(string text, string locale, string expected)
    {
        var result = Recognize(text, locale);
        Assert.NotNull(result);
        Assert.Equal(DateOnly.Parse(expected), result.Value);
        Assert.False(result.IsAmbiguous);
    }

    [Theory]
    [InlineData("today", "2007-02-21")]
    [InlineData("aujourd'hui", "2007-02-21")]
    [InlineData("tomorrow", "2007-02-22")]
    [InlineData("Demain", "2007-02-22")]
    [InlineData("tomorrow please", "2007-02-22")]
    [InlineData("the day after tomorrow", "2007-02-23")]
    [InlineData("après-demain", "2007-02-23")]
    [InlineData("yesterday", "2007-02-20")]
    [InlineData("hier", "2007-02-20")]
    [InlineData("avant-hier", "2007-02-19")]
    [InlineData("in 3 days", "2007-02-24")]
    [InlineData("in three days", "2007-02-24")]
    [InlineData("dans trois jours", "2007-02-24")]
    [InlineData("dans 10 jours", "2007-03-03")]
    [InlineData("in two weeks", "2007-03-07")]
    [InlineData("dans deux semaines", "2007-03-07")]
    [InlineData("in a week", "2007-02-28")]
    [InlineData("dans une semaine", "2007-02-28")]
    [InlineData("in 1 month", "2007-03-21")]
    [InlineData("3 days ago", "2007-02-18")]
    [InlineData("5 days from now", "2007-02-26")]
    [InlineData("il y a deux jours", "2007-02-19")]
    [InlineData("next Monday", "2007-02-26")]
    [InlineData("lundi prochain", "2007-02-26")]
    [InlineData("Friday", "2007-02-23")]
    [InlineData("this friday", "2007-02-23")]
    [InlineData("ce vendredi", "2007-02-23")]
    [InlineData("last Monday", "2007-02-19")]
    [InlineData("lundi dernier", "2007-02-19")]
    [InlineData("vendredi de la semaine prochaine", "2007-03-02")]
    public void Relative_dates_are_resolved_against_the_clock(string text, string expected)
    {
        var result = Recognize(text);
        Assert.NotNull(result);
        Assert.Equal(DateOnly.Parse(expected), result.Value);
        Assert.True(result.IsRelative);
    }

    [Theory]
    // Said on a Wednesday: English "next Friday" is next week's, French "vendredi prochain" the coming one.
    [InlineData("next Friday", "2007-03-02", "2007-02-23")]
    [InlineData("vendredi prochain", "2007-02-23", "2007-03-02")]
    [InlineData("Wednesday", "2007-02-28", "2007-02-21")]
    public void Ambiguous_weekdays_report_the_other_reading(string text, string expected, string alternative)
    {
        var result = Recognize(text)!;
        Assert.Equal(DateOnly.Parse(expected), result.Value);
        Assert.Equal([DateOnly.Parse(alternative)], result.Alternatives);
    }

    [Fact]
    public void Today_depends_on_the_time_zone()
    {
        // 03:00 UTC on the 22nd is still the evening of the 21st in New York, already the 22nd in Geneva.
        var lateEvening = new DateTimeOffset(2007, 2, 22, 3, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2007, 2, 22), Recognize("tomorrow", now: lateEvening, zone: NewYork)!.Value);
        Assert.Equal(new DateOnly(2007, 2, 23), Recognize("demain", "fr-CH", now: lateEvening, zone: Zurich)!.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("30 February 2007")]
    [InlineData("32/01/2007")]
    [InlineData("13/13/2007")]
    [InlineData("2007-02-30")]
    [InlineData("March")]
    [InlineData("in many days")]
    [InlineData("the second session")]
    public void Text_without_a_valid_date_gives_nothing(string text)
        => Assert.Null(Recognize(text));
}
