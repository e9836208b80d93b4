using System.Buffers;
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

    private static readonly string[] LowerMonthNames =
        Enumerable.Range(1, 12).Select(m => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m).ToLowerInvariant()).ToArray();

    public static int? MonthNumber(string name)
    {
        var key = name.TrimEnd('.').ToLowerInvariant();
        if (key.Length < 3) return null;
        for (var m = 1; m <= 12; m++)
        {
            var full = LowerMonthNames[m - 1];
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
        // Every pattern needs a digit (\d: any Unicode decimal digit), and all but the ISO and bare-year ones a month
        // name, which starts with one of MonthStarts: most lines and clauses have neither, and skip the patterns.
        if (!HasDigit(text)) return found;
        // Match/NextMatch as Matches() enumerates, without its collection: nothing is allocated for no match.
        for (var m = Iso().Match(text); m.Success; m = m.NextMatch())
            Add(found, new(m.Index, m.Length, Int(m.Groups[1]), Int(m.Groups[2]), Int(m.Groups[3])));
        if (text.AsSpan().IndexOfAny(MonthStarts) >= 0) FindWithMonths(text, found);
        if (bareYears)
            for (var m = BareYear().Match(text); m.Success; m = m.NextMatch())
                Add(found, new(m.Index, m.Length, Int(m.Groups[1]), null, null));

        found.RemoveAll(d => d.Year is null && d.Month is null);
        found.RemoveAll(d => d.Month is { } mo && (mo < 1 || mo > 12) || d.Day is { } dd && (dd < 1 || dd > 31));
        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    private static readonly SearchValues<string> MonthStarts =
        SearchValues.Create(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], StringComparison.Ordinal);

    /// <summary>Whether the text has a character <c>\d</c> matches (a Unicode decimal digit).</summary>
    internal static bool HasDigit(string text)
    {
        foreach (var c in text)
            if (char.IsDigit(c)) return true;
        return false;
    }

    /// <summary>Adds a date unless it overlaps one found before (earlier patterns win).</summary>
    private static void Add(List<DateMatch> found, DateMatch d)
    {
        foreach (var f in found)
            if (d.Index < f.End && f.Index < d.End) return;
        found.Add(d);
    }

    private static void FindWithMonths(string text, List<DateMatch> found)
    {
        for (var m = CrossMonth().Match(text); m.Success; m = m.NextMatch())
            Add(found, new(m.Index, m.Length, Int(m.Groups["y"]), MonthNumber(m.Groups["m1"].Value), Int(m.Groups["d1"]),
                MonthNumber(m.Groups["m2"].Value), Int(m.Groups["d2"])));
        for (var m = DayMonth().Match(text); m.Success; m = m.NextMatch())
            Add(found, new(m.Index, m.Length, Int(m.Groups["y"]), MonthNumber(m.Groups["m"].Value), Int(m.Groups["d1"]),
                null, Int(m.Groups["d2"])));
        for (var m = MonthDay().Match(text); m.Success; m = m.NextMatch())
            Add(found, new(m.Index, m.Length, Int(m.Groups["y"]), MonthNumber(m.Groups["m"].Value), Int(m.Groups["d1"]),
                null, Int(m.Groups["d2"])));
        for (var m = MonthYear().Match(text); m.Success; m = m.NextMatch())
        {
            // "the end of November 2006", "mid-2008": too vague to schedule anything.
            if (m.Groups["q"].Success) { Add(found, new(m.Index, m.Length, null, null, null)); continue; }
            Add(found, new(m.Index, m.Length, Int(m.Groups["y"]), MonthNumber(m.Groups["m"].Value), null));
        }
    }

    /// <summary>A line that is nothing but a date ("Thursday, 19 May 2011", "2018-02-22", "Day 2 – 23 February").</summary>
    public static DateMatch? WholeLine(string line) => WholeLine(line, Find(line, bareYears: false));

    /// <param name="dates">The line's dates, <see cref="Find"/> without bare years.</param>
    public static DateMatch? WholeLine(string line, IReadOnlyList<DateMatch> dates)
    {
        DateMatch? day = null;
        foreach (var d in dates)
        {
            if (!d.HasDay) continue;
            if (day is not null) return null;
            day = d;
        }
        if (day is null) return null;
        var rest = line.Remove(day.Index, day.Length);
        rest = LineNoise().Replace(rest, "");
        return rest.Trim().Length == 0 ? day : null;
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
