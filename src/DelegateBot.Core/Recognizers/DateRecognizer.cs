using System.Globalization;
using System.Text.RegularExpressions;

namespace DelegateBot.Core.Recognizers;

/// <summary>
/// A date understood from text. <see cref="Alternatives"/> lists other readings when the text is
/// ambiguous ("02/03/2007" is 2 March or 3 February; "next Friday" said on a Wednesday is in two or
/// nine days). <see cref="YearInferred"/> tells that the person gave no year.
/// </summary>
public sealed record DateRecognition(DateOnly Value, string Text, bool IsRelative)
{
    public IReadOnlyList<DateOnly> Alternatives { get; init; } = [];
    public bool YearInferred { get; init; }
    public bool IsAmbiguous => Alternatives.Count > 0;
}

/// <summary>Which year a date without one ("2 March") falls in.</summary>
public enum YearPreference
{
    /// <summary>The next such date from today on (a deadline, a session to attend).</summary>
    Future,
    /// <summary>The latest such date up to today (a date of birth, an arrival already made).</summary>
    Past,
}

/// <summary>
/// Understands dates as delegates type them, in English and French: "2 March", "March 2nd", "2 mars 2007",
/// "le 1er mars", "2007-03-02", "02/03/2007" (day/month order from the locale), "tomorrow"/"demain",
/// "today", "next Monday"/"lundi prochain", "in 3 days"/"dans trois jours", "3 days ago".
/// Relative dates are resolved in the given time zone against the injected clock.
/// </summary>
public sealed partial class DateRecognizer(TimeProvider timeProvider)
{
    private static readonly string[] EnglishMonths = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    private static readonly string[] FrenchMonths = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];
    private static readonly Dictionary<string, int> Months = BuildMonths();
    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday, ["lundi"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday, ["mardi"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["wed"] = DayOfWeek.Wednesday, ["mercredi"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday, ["jeudi"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday, ["vendredi"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday, ["samedi"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday, ["dimanche"] = DayOfWeek.Sunday,
    };

    private const string MonthPattern = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|janv|fevr|fev|avr|juil";
    private const string WeekdayPattern = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche";
    private const string DaySuffix = "(?:st|nd|rd|th|er|re|ere|e)?";

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex IsoRegex();

    [GeneratedRegex(@"(?<![\d/.-])(?<a>\d{1,2})[/.-](?<b>\d{1,2})(?:[/.-](?<y>\d{4}|\d{2}))?(?![\d/-]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NumericRegex();

    [GeneratedRegex(@"(?<!\w)(?<d>\d{1,2}|premier|first)" + DaySuffix + @"\s*(?:of\s+|de\s+)?(?<m>" + MonthPattern + @")\b\.?(?:,?\s*(?<y>\d{4}))?(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthRegex();

    [GeneratedRegex(@"\b(?<m>" + MonthPattern + @")\b\.?\s*(?:the\s+)?(?<d>\d{1,2})" + DaySuffix + @"(?!\d)(?:,?\s*(?<y>\d{4}))?(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayRegex();

    [GeneratedRegex(@"\b(?:(?<today>today|aujourd'hui|aujourdhui|ce jour)|(?<dat>(?:the\s+)?day after tomorrow|apres[- ]demain)|(?<tomorrow>tomorrow|tmrw|demain)|(?<dbf>(?:the\s+)?day before yesterday|avant[- ]hier)|(?<yesterday>yesterday|hier))\b", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeDayRegex();

    [GeneratedRegex(@"\b(?:in|within|dans|d'ici)\s+(?<n>\d+|[a-z-]+(?:\s+[a-z-]+)?)\s+(?<unit>days?|weeks?|months?|jours?|semaines?|mois)\b|\b(?<n2>\d+|[a-z-]+)\s+(?<unit2>days?|weeks?|months?)\s+(?<dir>from now|from today|later|ago|hence)\b|\bil y a\s+(?<n3>\d+|[a-z-]+)\s+(?<unit3>jours?|semaines?|mois)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetRegex();

    [GeneratedRegex(@"\b(?:(?<pre>next|this|coming|last|ce|cette)\s+)?(?<wd>" + WeekdayPattern + @")\b\.?(?:\s+(?<post>prochain|prochaine|qui vient|dernier|derniere|next|de la semaine prochaine))?", RegexOptions.CultureInvariant)]
    private static partial Regex WeekdayRegex();

    [GeneratedRegex(@"\b(?:in|dans)\s+(?:a|an|one|une?)\s+(?<unit>week|month|semaine|mois)\b", RegexOptions.CultureInvariant)]
    private static partial Regex InOneUnitRegex();

    /// <summary>Today's date in the time zone (the person's or the meeting's).</summary>
    public DateOnly Today(TimeZoneInfo timeZone)
        => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), timeZone).DateTime);

    /// <summary>The first date in the text, or null when there is none (or it does not exist, e.g. 30 February).</summary>
    public DateRecognition? Recognize(string? text, RecognizerCulture? culture = null, TimeZoneInfo? timeZone = null, YearPreference yearPreference = YearPreference.Future)
    {
        culture ??= RecognizerCulture.English;
        var folded = TextFolding.Fold(text);
        if (folded.Length == 0) return null;
        var today = Today(timeZone ?? TimeZoneInfo.Utc);
        return RecognizeIso(folded)
            ?? RecognizeWithMonthName(folded, today, yearPreference)
            ?? RecognizeNumeric(folded, culture, today, yearPreference)
            ?? RecognizeRelativeDay(folded, today)
            ?? RecognizeOffset(folded, culture, today)
            ?? RecognizeWeekday(folded, culture, today);
    }

    private static DateRecognition? RecognizeIso(string folded)
    {
        var m = IsoRegex().Match(folded);
        if (!m.Success) return null;
        return TryDate(Int(m, "y"), Int(m, "m"), Int(m, "d")) is { } date ? new DateRecognition(date, m.Value, false) : null;
    }

    private static DateRecognition? RecognizeWithMonthName(string folded, DateOnly today, YearPreference preference)
    {
        var dm = DayMonthRegex().Match(folded);
        var md = MonthDayRegex().Match(folded);
        // Take whichever reading starts first ("March 2" vs "2 March 2007"); a day-first match wins a tie.
        var m = dm.Success && (!md.Success || dm.Index <= md.Index) ? dm : md.Success ? md : null;
        if (m is null) return null;
        var dayText = m.Groups["d"].Value;
        var day = dayText is "premier" or "first" ? 1 : int.Parse(dayText, CultureInfo.InvariantCulture);
        var month = Months[m.Groups["m"].Value];
        if (m.Groups["y"].Success)
            return TryDate(Int(m, "y"), month, day) is { } date ? new DateRecognition(date, m.Value.Trim(), false) : null;
        return InferYear(month, day, today, preference) is { } inferred ? new DateRecognition(inferred, m.Value.Trim(), false) { YearInferred = true } : null;
    }

    private static DateRecognition? RecognizeNumeric(string folded, RecognizerCulture culture, DateOnly today, YearPreference preference)
    {
        var m = NumericRegex().Match(folded);
        if (!m.Success) return null;
        var a = Int(m, "a");
        var b = Int(m, "b");
        int? year = m.Groups["y"].Success ? ExpandYear(m.Groups["y"].Value, today) : null;
        // Two readings; the locale picks the first unless only the other one exists (13/03 is day-first anywhere).
        var (firstDay, firstMonth) = culture.DayFirst ? (a, b) : (b, a);
        var (otherDay, otherMonth) = culture.DayFirst ? (b, a) : (a, b);
        var first = Resolve(firstMonth, firstDay);
        var other = a == b ? null : Resolve(otherMonth, otherDay);
        if (first is null && other is null) return null;
        var value = first ?? other!.Value;
        var alternatives = first is not null && other is not null ? new[] { other.Value } : [];
        return new DateRecognition(value, m.Value, false) { Alternatives = alternatives, YearInferred = year is null };

        DateOnly? Resolve(int month, int day)
            => year is { } y ? TryDate(y, month, day) : InferYear(month, day, today, preference);
    }

    private static DateRecognition? RecognizeRelativeDay(string folded, DateOnly today)
    {
        var m = RelativeDayRegex().Match(folded);
        if (!m.Success) return null;
        var offset = m.Groups["today"].Success ? 0
            : m.Groups["tomorrow"].Success ? 1
            : m.Groups["dat"].Success ? 2
            : m.Groups["yesterday"].Success ? -1
            : -2;
        return new DateRecognition(today.AddDays(offset), m.Value, true);
    }

    private static DateRecognition? RecognizeOffset(string folded, RecognizerCulture culture, DateOnly today)
    {
        var one = InOneUnitRegex().Match(folded);
        if (one.Success) return new DateRecognition(AddUnits(today, 1, one.Groups["unit"].Value), one.Value, true);
        var m = OffsetRegex().Match(folded);
        if (!m.Success) return null;
        var (countText, unit, sign) = m.Groups["n"].Success ? (m.Groups["n"].Value, m.Groups["unit"].Value, 1)
            : m.Groups["n2"].Success ? (m.Groups["n2"].Value, m.Groups["unit2"].Value, m.Groups["dir"].Value == "ago" ? -1 : 1)
            : (m.Groups["n3"].Value, m.Groups["unit3"].Value, -1);
        var count = NumberRecognizer.Recognize(countText, culture);
        if (count is null || count.Kind != NumberKind.Cardinal || count.Value != decimal.Truncate(count.Value) || count.Value > 3660) return null;
        return new DateRecognition(AddUnits(today, sign * (int)count.Value, unit), m.Value, true);
    }

    private static DateOnly AddUnits(DateOnly today, int count, string unit) => unit[0] switch
    {
        'd' or 'j' => today.AddDays(count),
        'w' or 's' => today.AddDays(7 * count),
        _ => today.AddMonths(count), // month(s), mois
    };

    /// <summary>
    /// "next Friday" in English means the Friday of next week, in French "vendredi prochain" the coming one;
    /// when those differ (said early in the week) the other reading is reported as an alternative.
    /// </summary>
    private static DateRecognition? RecognizeWeekday(string folded, RecognizerCulture culture, DateOnly today)
    {
        var m = WeekdayRegex().Match(folded);
        if (!m.Success) return null;
        var weekday = Weekdays[m.Groups["wd"].Value];
        var pre = m.Groups["pre"].Value;
        var post = m.Groups["post"].Value;
        var daysAhead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
        var coming = today.AddDays(daysAhead == 0 ? 7 : daysAhead);
        var startOfNextWeek = today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7);
        var inNextWeek = startOfNextWeek.AddDays(((int)weekday + 6) % 7);

        if (pre == "last" || post is "dernier" or "derniere")
        {
            var back = ((int)today.DayOfWeek - (int)weekday + 7) % 7;
            return new DateRecognition(today.AddDays(back == 0 ? -7 : -back), m.Value, true);
        }
        if (post == "de la semaine prochaine") return new DateRecognition(inNextWeek, m.Value, true);
        if (pre is "this" or "ce" or "cette")
            return new DateRecognition(today.AddDays(daysAhead), m.Value, true); // "this Monday" on a Monday is today
        if (pre == "next" || post is "next" or "prochain" or "prochaine")
        {
            var french = post is "prochain" or "prochaine";
            var value = french ? coming : inNextWeek;
            var other = french ? inNextWeek : coming;
            return new DateRecognition(value, m.Value.Trim(), true) { Alternatives = other == value ? [] : [other] };
        }
        // A bare weekday is the coming one; said on that very weekday it may also mean today.
        return new DateRecognition(coming, m.Value.Trim(), true) { Alternatives = daysAhead == 0 ? [today] : [] };
    }

    private static DateOnly? InferYear(int month, int day, DateOnly today, YearPreference preference)
    {
        // 29 February only exists in leap years: look a few years each way.
        for (var step = 0; step <= 4; step++)
        {
            var year = preference == YearPreference.Future ? today.Year + step : today.Year - step;
            if (TryDate(year, month, day) is not { } date) continue;
            if (preference == YearPreference.Future ? date >= today : date <= today) return date;
        }
        return null;
    }

    private static int ExpandYear(string text, DateOnly today)
    {
        var y = int.Parse(text, CultureInfo.InvariantCulture);
        if (text.Length == 4) return y;
        // Two-digit years: within 20 years ahead of today's century position, else the previous century.
        var century = today.Year / 100 * 100;
        return century + y <= today.Year + 20 ? century + y : century - 100 + y;
    }

    private static DateOnly? TryDate(int year, int month, int day)
        => year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static Dictionary<string, int> BuildMonths()
    {
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 12; i++)
        {
            months[EnglishMonths[i]] = i + 1;
            months[FrenchMonths[i]] = i + 1;
            months.TryAdd(EnglishMonths[i][..3], i + 1);
        }
        months["sept"] = 9;
        months["janv"] = 1;
        months["fevr"] = 2;
        months["fev"] = 2;
        months["avr"] = 4;
        months["juil"] = 7;
        return months;
    }
}
