using System.Text.RegularExpressions;
using DelegateBot.Core.Agenda;
using Microsoft.Extensions.Options;

namespace DelegateBot.Core.Registrations;

/// <summary>
/// The adapter from the agenda (meetings extracted from the documents, corrected by agenda.yaml) to
/// registration. A meeting is offered when its documents give a registration deadline or contact, or when
/// Registration:Meetings:{id}:Open is true; configuration may replace its deadline, contact and languages.
/// </summary>
public sealed partial class AgendaMeetingCatalog(AgendaService agenda, IOptionsMonitor<RegistrationOptions> options) : IMeetingCatalog
{
    // Calling codes of the cities UN meetings are usually held in, by the meeting's time zone.
    private static readonly Dictionary<string, string> DutyStationCodes = new(StringComparer.Ordinal)
    {
        ["America/New_York"] = "1", ["Europe/Zurich"] = "41", ["Europe/Vienna"] = "43", ["Africa/Nairobi"] = "254",
        ["Europe/Brussels"] = "32", ["Europe/Paris"] = "33", ["America/Santiago"] = "56", ["Asia/Bangkok"] = "66",
        ["Asia/Beirut"] = "961", ["Africa/Addis_Ababa"] = "251", ["Europe/Rome"] = "39", ["Europe/Berlin"] = "49",
    };

    [GeneratedRegex(@"\s*(?:,|;|/|\band\b|\bet\b)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();

    public IReadOnlyList<RegistrationMeeting> Meetings
    {
        get
        {
            var settings = options.CurrentValue;
            return agenda.Current.Meetings
                .Select(m => (Meeting: m, Settings: settings.Meetings.GetValueOrDefault(m.Id)))
                .Where(x => x.Settings?.Open ?? (x.Meeting.RegistrationDeadline is not null || x.Meeting.RegistrationContact is not null))
                .Select(x => ToRegistrationMeeting(x.Meeting, x.Settings))
                .ToList();
        }
    }

    private static RegistrationMeeting ToRegistrationMeeting(Meeting meeting, MeetingRegistrationOptions? settings) => new(meeting.Id, meeting.Title, meeting.TimeZone)
    {
        StartDate = meeting.StartDate,
        EndDate = meeting.EndDate,
        DatesText = meeting.DatesText,
        Venue = meeting.Room is null ? meeting.Venue : $"{meeting.Room}, {meeting.Venue}",
        Deadline = settings?.Deadline ?? meeting.RegistrationDeadline?.Date,
        Contact = settings?.Contact ?? meeting.RegistrationContact,
        Sessions = meeting.Sessions.Where(s => s.Kind == SessionKind.Session).Select(s => new MeetingSessionOption(s.Id, s.Title)).ToList(),
        InterpretationLanguages = settings?.InterpretationLanguages ?? Languages(meeting.Interpretation),
        AllowLate = settings?.AllowLate ?? false,
        CountryCode = settings?.CountryCode ?? DutyStationCodes.GetValueOrDefault(meeting.TimeZone),
    };

    /// <summary>"French", "French and Spanish", "Arabic, Chinese, English" → the languages.</summary>
    public static IReadOnlyList<string> Languages(string? interpretation)
        => string.IsNullOrWhiteSpace(interpretation)
            ? []
            : ListSeparator().Split(interpretation.Replace("interpretation", "", StringComparison.OrdinalIgnoreCase))
                .Select(l => l.Trim().TrimEnd('.'))
                .Where(l => l.Length > 0)
                .Select(l => char.ToUpperInvariant(l[0]) + l[1..])
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
}
