using System.Globalization;
using System.Text.RegularExpressions;

namespace DelegateBot.Core.Knowledge.Index;

/// <summary>The day headers of a programme as dates: "Thursday, 19 May 2011", "2018-02-22".</summary>
internal static partial class ProgrammeDays
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static DateOnly? Parse(string day)
    {
        var iso = Iso().Match(day);
        if (iso.Success && DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        var written = Written().Match(day);
        return written.Success && DateOnly.TryParseExact(Regex.Replace(written.Value, @"\s+", " "), "d MMMM yyyy", En, DateTimeStyles.None, out var w) ? w : null;
    }

    /// <summary>"12–13 September 2019", "30 September – 1 October 2019": first to last day, or null.</summary>
    public static string? Span(IReadOnlyList<string> days)
    {
        var dates = days.Select(Parse).Where(d => d is not null).Select(d => d!.Value).Order().ToList();
        if (dates.Count < 2) return null;
        var (a, b) = (dates[0], dates[^1]);
        if (a.Year != b.Year) return $"{a.ToString("d MMMM yyyy", En)} – {b.ToString("d MMMM yyyy", En)}";
        if (a.Month != b.Month) return $"{a.ToString("d MMMM", En)} – {b.ToString("d MMMM yyyy", En)}";
        return $"{a.Day}–{b.ToString("d MMMM yyyy", En)}";
    }

    [GeneratedRegex(@"\b(?:19|20)\d{2}-\d{2}-\d{2}\b")]
    private static partial Regex Iso();

    [GeneratedRegex(@"\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:19|20)\d{2}\b")]
    private static partial Regex Written();
}
