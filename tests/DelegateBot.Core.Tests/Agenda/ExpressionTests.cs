using DelegateBot.Core.Agenda;
using DelegateBot.Core.Agenda.Extraction;

namespace DelegateBot.Core.Tests.Agenda;

/// <summary>The general patterns the extractor is built on, on phrasings beyond the seed documents.</summary>
public class ExpressionTests
{
    [Theory]
    [InlineData("will take place in New York on Thursday 19 May, 2011, I am", "2011-05-19", "2011-05-19")]
    [InlineData("will host it in Manila on 29 and 30 October 2008.", "2008-10-29", "2008-10-30")]
    [InlineData("held in Brussels on 15-16 March 2006", "2006-03-15", "2006-03-16")]
    [InlineData("from 30 November to 2 December 2009", "2009-11-30", "2009-12-02")]
    [InlineData("Thursday, 19 May 2011", "2011-05-19", "2011-05-19")]
    [InlineData("on May 19-20, 2011 in Geneva", "2011-05-19", "2011-05-20")]
    [InlineData("2018-12-06", "2018-12-06", "2018-12-06")]
    [InlineData("the 3rd of June 2015", "2015-06-03", "2015-06-03")]
    public void Day_precise_dates(string text, string start, string end)
    {
        var d = Assert.Single(DateExpressions.Find(text, bareYears: false), x => x.HasDay);
        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end)), (d.Start!.Value, d.Last!.Value));
    }

    [Theory]
    [InlineData("took place in Brussels in July 2007", 2007, 7)]
    [InlineData("Greece has offered to organize the third meeting of the Forum in 2009", 2009, null)]
    public void Month_and_year_precision(string text, int year, int? month)
    {
        var d = DateExpressions.Find(text).Single();
        Assert.Equal((year, month, false), (d.Year!.Value, d.Month, d.HasDay));
    }

    [Theory]
    [InlineData("resolution A/RES/63/225 and document A/65/203")]
    [InlineData("Phone: (212) 963-3021 or 9196")]
    [InlineData("at the end of November 2006")]
    public void Numbers_and_vague_dates_that_schedule_nothing(string text) => Assert.Empty(DateExpressions.Find(text));

    [Theory]
    [InlineData("10:20 – 13:00 Panel one: The Contribution", "10:20", "13:00", "Panel one: The Contribution")]
    [InlineData("09:45-10:15  Opening session", "09:45", "10:15", "Opening session")]
    [InlineData("9.30 to 11.00 | Plenary", "09:30", "11:00", "Plenary")]
    [InlineData("3:00 to 6:00 p.m. Afternoon meeting", "15:00", "18:00", "Afternoon meeting")]
    [InlineData("10 a.m. - 12 noon: Opening", "10:00", "12:00", "Opening")]
    [InlineData("14h30-16h00 Table ronde", "14:30", "16:00", "Table ronde")]
    public void Programme_lines(string line, string start, string end, string title)
    {
        Assert.True(TimeExpressions.TryParseLineStart(line, out var range, out var rest));
        Assert.Equal((TimeOnly.Parse(start), TimeOnly.Parse(end), title), (range.Start, range.End!.Value, rest));
    }

    [Fact]
    public void Prose_hours_take_the_meridiem_of_the_range_end()
    {
        var ranges = TimeExpressions.FindRanges("on 7 March 2007, from 9:15 a.m. to 1 p.m. and from 3:00 to 6:00 p.m. in Conference Room 9.");
        Assert.Equal([(new TimeOnly(9, 15), (TimeOnly?)new TimeOnly(13, 0)), (new TimeOnly(15, 0), new TimeOnly(18, 0))], ranges.Select(r => (r.Start, r.End)).ToArray());
    }

    [Theory]
    [InlineData("what's on at 3pm on 19 May?", "15:00")]
    [InlineData("anything at 10:30", "10:30")]
    [InlineData("what is on at 9 a.m.", "09:00")]
    [InlineData("what is on at noon", "12:00")]
    [InlineData("what is on at 19", "19:00")]
    public void Times_in_questions(string question, string expected) =>
        Assert.Equal(TimeOnly.Parse(expected), TimeExpressions.FindSingle(question));

    [Theory]
    [InlineData("- **H.E. Ms. Lorena Escudero** National Secretary for Migrants, Ecuador", "H.E. Ms. Lorena Escudero", "National Secretary for Migrants, Ecuador")]
    [InlineData("Mr. William Swing Director General, International Organization for Migration", "Mr. William Swing", "Director General, International Organization for Migration")]
    [InlineData("Dr. Khalid Koser, Academic Dean", "Dr. Khalid Koser", "Academic Dean")]
    [InlineData("Ms. Gabriela Cuevas, President of the IPU", "Ms. Gabriela Cuevas", "President of the IPU")]
    [InlineData("Prof. Ana María de la Torre", "Prof. Ana María de la Torre", null)]
    public void People_with_roles(string line, string name, string? role)
    {
        var p = People.ParseOne(line)!;
        Assert.Equal((name, role), (p.Name, p.Role));
    }

    [Fact]
    public void Time_zone_conversion_respects_daylight_saving()
    {
        Assert.Equal(TimeSpan.FromHours(-4), AgendaTime.ToInstant(new DateOnly(2011, 5, 19), new TimeOnly(15, 0), "America/New_York").Offset);
        Assert.Equal(TimeSpan.FromHours(-5), AgendaTime.ToInstant(new DateOnly(2007, 3, 7), new TimeOnly(9, 15), "America/New_York").Offset);
        Assert.Equal(TimeSpan.FromHours(8), AgendaTime.ToInstant(new DateOnly(2008, 10, 29), new TimeOnly(9, 0), "Asia/Manila").Offset);
    }
}
