using System.Globalization;

namespace DelegateBot.Core.Agenda;

/// <summary>Conversions between the agenda's wall-clock values (DateOnly/TimeOnly + IANA zone) and instants, and their display.</summary>
public static class AgendaTime
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static TimeZoneInfo Zone(string ianaId) => TimeZoneInfo.FindSystemTimeZoneById(ianaId);

    public static bool IsKnownZone(string ianaId)
    {
        try { Zone(ianaId); return true; }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { return false; }
    }

    /// <summary>The instant a wall-clock time denotes in a zone. A time skipped by a DST change moves forward;
    /// a repeated one takes the first (daylight) occurrence, as a programme printed before the change means.</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, string ianaId)
    {
        var zone = Zone(ianaId);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The wall-clock moment in a zone.</summary>
    public static DateTime ToLocal(DateTimeOffset instant, string ianaId) =>
        TimeZoneInfo.ConvertTime(instant, Zone(ianaId)).DateTime;

    public static string FormatDate(DateOnly d) => d.ToString("dddd d MMMM yyyy", En);

    public static string FormatTime(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string FormatTimes(TimeOnly? start, TimeOnly? end) =>
        start is null ? "" : end is null ? FormatTime(start.Value) : $"{FormatTime(start.Value)}–{FormatTime(end.Value)}";

    public static string FormatDates(DateOnly? start, DateOnly? end, int? year, int? month)
    {
        if (start is { } s)
        {
            if (end is not { } e || e == s) return s.ToString("d MMMM yyyy", En);
            if (s.Year != e.Year) return $"{s.ToString("d MMMM yyyy", En)} – {e.ToString("d MMMM yyyy", En)}";
            if (s.Month != e.Month) return $"{s.ToString("d MMMM", En)} – {e.ToString("d MMMM yyyy", En)}";
            return $"{s.Day}–{e.ToString("d MMMM yyyy", En)}";
        }
        if (year is { } y && month is { } m) return new DateOnly(y, m, 1).ToString("MMMM yyyy", En);
        return year?.ToString(CultureInfo.InvariantCulture) ?? "date not known";
    }
}
