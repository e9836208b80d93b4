using System.Text.RegularExpressions;

namespace DelegateBot.Core.Knowledge.Answering;

/// <summary>Start and end of a time or time range in minutes after midnight: "9:15 a.m. to 1 p.m.", "15:00 – 17:40".</summary>
internal static partial class TimeRanges
{
    public static (int From, int To) Parse(string text)
    {
        var parts = Clock().Matches(text);
        if (parts.Count == 0) return (-1, -1);
        var from = Minutes(parts[0]);
        if (parts.Count == 1) return (from.Value, -1);
        var to = Minutes(parts[1]);
        var start = from.Value;
        // "3:00 to 6:00 p.m.": the start shares the end's half of the day when it has none of its own.
        if (from.Half is null && to.Half == "p" && start < 12 * 60 && start + 12 * 60 <= to.Value) start += 12 * 60;
        return (start, to.Value);
    }

    private static (int Value, string? Half) Minutes(Match m)
    {
        var hour = int.Parse(m.Groups["h"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        string? half = m.Groups["ap"].Success ? m.Groups["ap"].Value[..1].ToLowerInvariant() : null;
        if (half == "p" && hour < 12) hour += 12;
        if (half == "a" && hour == 12) hour = 0;
        return (hour * 60 + minute, half);
    }

    /// <summary>"13:00" or "1:00 PM" as the delegate reads it: the start or the end of the range.</summary>
    public static string Format(int minutes, bool twelveHour) =>
        twelveHour
            ? $"{((minutes / 60 + 11) % 12) + 1}:{minutes % 60:00} {(minutes >= 12 * 60 ? "p.m." : "a.m.")}"
            : $"{minutes / 60:00}:{minutes % 60:00}";

    [GeneratedRegex(@"(?<h>\d{1,2})(?:[:.h](?<m>\d{2}))?\s*(?<ap>[ap]\.?m\.?)?", RegexOptions.IgnoreCase)]
    private static partial Regex Clock();

    /// <summary>
    /// Of the unit's times, the one the question means: in the part of the day it names ("in the morning"), and
    /// the first to start or the last to end ("when does it end?" after "9:15 a.m. to 1 p.m. and 3:00 to 6:00 p.m.").
    /// </summary>
    public static Entity Pick(Question q, Index.TextUnit unit, Entity best)
    {
        var times = unit.Entities.Where(e => e.Kind == EntityKind.Time && e.From >= 0).ToList();
        if (times.Count < 2) return best;
        if (q.DayPart != DayPart.None)
        {
            var inPart = times.Where(e => InPart(e, q.DayPart)).ToList();
            if (inPart.Count > 0) times = inPart;
        }
        return q.Aspect switch
        {
            TimeAspect.End => times.MaxBy(e => e.To >= 0 ? e.To : e.From)!,
            TimeAspect.Start => times.MinBy(e => e.From)!,
            _ => times.Contains(best) ? best : times[0],
        };
    }

    public static bool InPart(Entity e, DayPart part) => part switch
    {
        DayPart.Morning => e.From < 12 * 60,
        DayPart.Afternoon => e.From >= 12 * 60 && e.From < 18 * 60,
        DayPart.Evening => e.From >= 17 * 60,
        _ => true,
    };

    /// <summary>"2 hours 40 minutes (15:00 – 17:40)".</summary>
    public static string Length(Entity e)
    {
        var minutes = e.To - e.From;
        var hours = minutes / 60;
        var rest = minutes % 60;
        var length = hours == 0 ? $"{rest} minutes" : rest == 0 ? $"{hours} hour{(hours > 1 ? "s" : "")}" : $"{hours} hour{(hours > 1 ? "s" : "")} {rest} minutes";
        return $"{length} ({e.Text})";
    }

    /// <summary>The start or the end of a range when the question asks for one ("13:00" of "10:20 – 13:00").</summary>
    public static string Text(Question q, Entity e)
    {
        if (q.Aspect == TimeAspect.None || e.To < 0) return e.Text;
        var parts = Separator().Split(e.Text, 2);
        if (parts.Length != 2) return e.Text;
        if (q.Aspect == TimeAspect.End) return parts[1].Trim();
        var start = parts[0].Trim();
        // "3:00" of "3:00 to 6:00 p.m." is read with the end's half of the day.
        return !HalfOfDay().IsMatch(start) && HalfOfDay().IsMatch(parts[1]) ? Format(e.From, twelveHour: true) : start;
    }

    [GeneratedRegex(@"\s*(?:-|–|—|\bto\b|\buntil\b)\s*")]
    private static partial Regex Separator();

    [GeneratedRegex(@"[ap]\.?m\.?", RegexOptions.IgnoreCase)]
    private static partial Regex HalfOfDay();
}
