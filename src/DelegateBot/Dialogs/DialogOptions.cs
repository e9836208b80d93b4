namespace DelegateBot.Dialogs;

/// <summary>Settings of the dialog system, bound from the "Dialogs" configuration section.</summary>
public sealed class DialogOptions
{
    public const string Section = "Dialogs";

    /// <summary>IANA (or Windows) time zone for "today"/"tomorrow" when the channel does not send the user's.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Country calling code given to phone numbers typed without one ("1" for New York).</summary>
    public string? DefaultCountryCode { get; set; }

    public TimeZoneInfo ResolveTimeZone()
        => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
