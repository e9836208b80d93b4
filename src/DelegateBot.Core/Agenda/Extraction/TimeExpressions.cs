using System.Text.RegularExpressions;

namespace DelegateBot.Core.Agenda.Extraction;

/// <summary>A time range found in text ("10:20 – 13:00", "from 9:15 a.m. to 1 p.m.", "3:00 to 6:00 p.m.").</summary>
internal sealed record TimeRangeMatch(int Index, int Length, TimeOnly Start, TimeOnly? End)
{
    public int EndIndex => Index + Length;
}

/// <summary>Clock times of programmes and prose, 24-hour or with a.m./p.m.</summary>
internal static partial class TimeExpressions
{

    /// <summary>A programme line that starts with a time or a time range; the rest is the item's title.</summary>
    public static bool TryParseLineStart(string line, out TimeRangeMatch range, out string rest)
    {
        rest = "";
        range = null!;
        // Both patterns start with a digit, or with "from" before it.
        if (line.Length == 0 || !(char.IsDigit(line[0]) || line[0] is 'f' or 'F')) return false;
        var m = RangeAtStart().Match(line);
        if (m.Success && Build(m, 0) is { } r)
        {
            range = r;
        }
        else
        {
            var s = SingleAtStart().Match(line);
            if (!s.Success || Parse(s, "1") is not { } start || !HasClockShape(s, "1")) return false;
            range = new TimeRangeMatch(0, s.Length, start.Time, null);
        }
        rest = line[range.Length..].Trim().TrimStart(':', '|', '-', '–', '—', '.', ',').Trim();
        return true;
    }

    /// <summary>All time ranges of a sentence.</summary>
    public static List<TimeRangeMatch> FindRanges(string text)
    {
        var list = new List<TimeRangeMatch>();
        if (!DateExpressions.HasDigit(text)) return list; // the pattern needs one
        for (var m = Range().Match(text); m.Success; m = m.NextMatch())
            if (Build(m, m.Index) is { } r) list.Add(r);
        return list;
    }

    /// <summary>One clock time anywhere in a question ("at 3pm", "15:00", "at 10").</summary>
    public static TimeOnly? FindSingle(string text)
    {
        foreach (Match m in Single().Matches(text))
        {
            if (Parse(m, "1") is not { } t) continue;
            if (HasClockShape(m, "1") || m.Groups["at"].Success) return t.Time;
        }
        if (NoonWord().IsMatch(text)) return new TimeOnly(12, 0);
        return null;
    }

    private static TimeRangeMatch? Build(Match m, int index)
    {
        if (Parse(m, "1") is not { } a || Parse(m, "2") is not { } b) return null;
        // A bare number ("3 to 6") is a time only when the other end says a.m./p.m. or has minutes.
        if (!HasClockShape(m, "1") && !HasClockShape(m, "2")) return null;
        var start = a.Time;
        var end = b.Time;
        // "3:00 to 6:00 p.m.": the p.m. of the end applies to the start when that keeps the order.
        if (!a.HasMeridiem && b.HasMeridiem && b.Time.Hour >= 12 && a.Time.Hour < 12 && a.Time.AddHours(12) <= end)
            start = a.Time.AddHours(12);
        if (end <= start) return null;
        return new TimeRangeMatch(index, m.Length, start, end);
    }

    private static bool HasClockShape(Match m, string n) => m.Groups["m" + n].Success || m.Groups["mer" + n].Success;

    private readonly record struct Clock(TimeOnly Time, bool HasMeridiem);

    private static Clock? Parse(Match m, string n)
    {
        if (!int.TryParse(m.Groups["h" + n].Value, out var h)) return null;
        var min = m.Groups["m" + n].Success ? int.Parse(m.Groups["m" + n].Value) : 0;
        var mer = m.Groups["mer" + n].Value.Replace(".", "").Replace(" ", "").ToLowerInvariant();
        if (mer is "noon" or "midday") { if (h != 12) return null; mer = ""; }
        if (mer == "pm" && h is >= 1 and < 12) h += 12;
        if (mer == "am" && h == 12) h = 0;
        if (mer.Length > 0 && h > 23) return null;
        if (h > 23 || min > 59) return null;
        return new Clock(new TimeOnly(h, min), mer.Length > 0);
    }

    private const string RangeSep = @"\s*(?:-|–|—|to|until|till)\s*";

    [GeneratedRegex(@"^(?:from\s+)?" + "(?<h1>\\d{1,2})(?:(?<s1>[:.h])(?<m1>\\d{2}))?\\s*(?<mer1>a\\.\\s?m\\.?|p\\.\\s?m\\.?|am\\b|pm\\b|noon\\b)?" + RangeSep +
        "(?<h2>\\d{1,2})(?:(?<s2>[:.h])(?<m2>\\d{2}))?\\s*(?<mer2>a\\.\\s?m\\.?|p\\.\\s?m\\.?|am\\b|pm\\b|noon\\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex RangeAtStart();

    [GeneratedRegex(@"(?<![\d/:.-])(?:from\s+)?" + "(?<h1>\\d{1,2})(?:(?<s1>[:.h])(?<m1>\\d{2}))?\\s*(?<mer1>a\\.\\s?m\\.?|p\\.\\s?m\\.?|am\\b|pm\\b|noon\\b)?" + RangeSep +
        "(?<h2>\\d{1,2})(?:(?<s2>[:.h])(?<m2>\\d{2}))?\\s*(?<mer2>a\\.\\s?m\\.?|p\\.\\s?m\\.?|am\\b|pm\\b|noon\\b)?(?![\\d/-])", RegexOptions.IgnoreCase)]
    private static partial Regex Range();

    [GeneratedRegex(@"^(?<h1>\d{1,2})(?:(?<s1>[:.h])(?<m1>\d{2}))\s*(?<mer1>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)?(?=\s)", RegexOptions.IgnoreCase)]
    private static partial Regex SingleAtStart();

    [GeneratedRegex(@"(?<at>\b(?:at|from|by|around)\s+)?(?<![\d/:.-])(?<h1>\d{1,2})(?:(?<s1>[:.h])(?<m1>\d{2}))?\s*(?<mer1>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b|noon\b)?(?!\s*(?:st|nd|rd|th)\b)(?![\d/-]|\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Single();

    [GeneratedRegex(@"\b(noon|midday)\b", RegexOptions.IgnoreCase)] private static partial Regex NoonWord();
}
