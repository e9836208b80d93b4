using System.Globalization;
using System.Text.RegularExpressions;

namespace DelegateBot.Core.Agenda.Extraction;

/// <summary>
/// A date or date range found in text. Fields left null were not written ("17-18 May" has no year,
/// "in 2009" has no month); <see cref="DateExpressions.WithYear"/> completes a year from context.
/// </summary>
internal sealed record DateMatch(int Index, int Length, int? Year, int? Month, int? Day, int? EndMonth = null, int? EndDay = null)
{
    public int End => Index + Length;
    public bool HasDay => Day is not null && Month is not null;
    public bool IsComplete => Year is not null && HasDay;

    public DateOnly? Start => Year is { } y && HasDay && TryDate(y, Month!.Value, Day!.Value) is { } d ? d : null;

    public DateOnly? Last =>
        Start is null ? null
        : EndDay is { } ed ? TryDate(Year!.Value, EndMonth ?? Month!.Value, ed) is { } e && e >= Start ? e : Start
        : Start;

    /// <summary>2 precise (day), 1 month, 0 year.</summary>
    public int Precision => HasDay ? 2 : Month is not null ? 1 : 0;

    private static DateOnly? TryDate(int y, int m, int d) =>
        m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
}

/// <summary>English date expressions of UN papers: "19 May 2011", "Thursday 19 May, 2011", "10 and 11 July 2007",
/// "15-16 March 2006", "May 19, 2011", "July 2007", "in 2009", "2018-02-22".</summary>
internal static partial class DateExpressions
{
    private const string MonthNames =
        "January|February|March|April|May|June|July|August|September|October|November|December|" +
        "Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";
    private const string Weekday = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\.?";
    private const string Sep = @"\s*(?:-|–|—|and|to|until|through)\s*";
    private const string Ord = "(?:st|nd|rd|th)?";

    public static int? MonthNumber(string name)
    {
        var key = name.TrimEnd('.').ToLowerInvariant();
        if (key.Length < 3) return null;
        for (var m = 1; m <= 12; m++)
        {
            var full = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m).ToLowerInvariant();
            if (full.StartsWith(key[..3], StringComparison.Ordinal) && (key.Length == 3 || full.StartsWith(key, StringComparison.Ordinal) || key == "sept"))
                return m;
        }
        return null;
    }

    /// <summary>All date expressions of the text, left to right, without overlaps; bare years only when
    /// <paramref name="bareYears"/> (they are frequent in prose and mean something only next to an event).</summary>
    public static List<DateMatch> Find(string text, bool bareYears = true)
    {
        var found = new List<DateMatch>();
        void Add(DateMatch d)
        {
            if (found.Any(f => d.Index < f.End && f.Index < d.End)) return;
            found.Add(d);
        }

        foreach (Match m in Iso().Matches(text))
            Add(new(m.Index, m.Length, Int(m.Groups[1]), Int(m.Groups[2]), Int(m.Groups[3])));
        foreach (Match m in CrossMonth().Matches(text))
            Add(new(m.Index, m.Length, Int(m.Groups["y"]), MonthNumber(m.Groups["m1"].Value), Int(m.Groups["d1"]),
                MonthNumber(m.Groups["m2"].Value), Int(m.Groups["d2"])));
        foreach (Match m in DayMonth().Matches(text))
            Add(new(m.Index, m.Length, Int(m.Groups["y"]), MonthNumber(m.Groups["m"].Value), Int(m.Groups["d1"]),
                null, Int(m.Groups["d2"])));
        foreach (Match m in MonthDay().Matches(text))
            Add(new(m.Index, m.Length, Int(m.Groups["y"]), MonthNumber(m.Groups["m"].Value), Int(m.Groups["d1"]),
                null, Int(m.Groups["d2"])));
        foreach (Match m in MonthYear().Matches(text))
        {
            // "the end of November 2006", "mid-2008": too vague to schedule anything.
            if (m.Groups["q"].Success) { Add(new(m.Index, m.Length, null, null, null)); continue; }
            Add(new(m.Index, m.Length, Int(m.Groups["y"]), MonthNumber(m.Groups["m"].Value), null));
        }
        if (bareYears)
            foreach (Match m in BareYear().Matches(text))
                Add(new(m.Index, m.Length, Int(m.Groups[1]), null, null));

        found.RemoveAll(d => d.Year is null && d.Month is null);
        found.RemoveAll(d => d.Month is { } mo && (mo < 1 || mo > 12) || d.Day is { } dd && (dd < 1 || dd > 31));
        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    /// <summary>A line that is nothing but a date ("Thursday, 19 May 2011", "2018-02-22", "Day 2 – 23 February").</summary>
    public static DateMatch? WholeLine(string line)
    {
        var dates = Find(line, bareYears: false).Where(d => d.HasDay).ToList();
        if (dates.Count != 1) return null;
        var rest = line.Remove(dates[0].Index, dates[0].Length);
        rest = LineNoise().Replace(rest, "");
        return rest.Trim().Length == 0 ? dates[0] : null;
    }

    public static DateMatch WithYear(DateMatch d, int year) => d.Year is null ? d with { Year = year } : d;

    private static int? Int(Group g) => g.Success && int.TryParse(g.Value, out var v) ? v : null;

    [GeneratedRegex(@"(?<![\d/-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")] private static partial Regex Iso();

    [GeneratedRegex(@"\b(?<d1>\d{1,2})" + Ord + @"\s+(?<m1>" + MonthNames + @")" + Sep + @"(?<d2>\d{1,2})" + Ord + @"\s+(?<m2>" + MonthNames + @"),?\s+(?<y>\d{4})\b")]
    private static partial Regex CrossMonth();

    [GeneratedRegex(@"\b(?:" + Weekday + @",?\s+)?(?:the\s+)?(?<d1>\d{1,2})" + Ord + @"(?:" + Sep + @"(?<d2>\d{1,2})" + Ord + @")?\s+(?:of\s+)?(?<m>" + MonthNames + @")(?![a-z])(?:,?\s+(?<y>\d{4})\b)?")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b(?:" + Weekday + @",?\s+)?(?<m>" + MonthNames + @")\s+(?<d1>\d{1,2})" + Ord + @"(?:" + Sep + @"(?<d2>\d{1,2})" + Ord + @")?(?:,\s*(?<y>\d{4}))?(?![\d:])\b")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"(?:\b(?<q>early|mid|late|end of|beginning of)[\s-]+)?\b(?<m>" + MonthNames + @"),?\s+(?<y>\d{4})\b")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"(?<![\d/.,\-])\b(19[5-9]\d|20\d{2})\b(?![\d/]|-\d|\.\d|,\d)")] private static partial Regex BareYear();

    [GeneratedRegex(@"(?i)\b(day|jour)\s*\d?\b|[\s,.:;()\-–—|]")] private static partial Regex LineNoise();
}
