using DelegateBot.Core.Registrations;
using DelegateBot.Core.Registrations.Definition;
using Microsoft.Extensions.Options;

namespace DelegateBot.Registration;

/// <summary>
/// The meetings open for registration now (deadline rule on the injected clock), and the words used
/// about a meeting in messages ({meeting}, {dates}, {venue}, {deadline}, {contact}).
/// </summary>
public sealed class RegistrationMeetings(IMeetingCatalog catalog, TimeProvider time, IOptionsMonitor<RegistrationOptions> options)
{
    public IReadOnlyList<RegistrationMeeting> All => catalog.Meetings;

    public RegistrationMeeting? Find(string meetingId) => catalog.Find(meetingId);

    public RegistrationAvailability Availability(RegistrationMeeting meeting)
        => RegistrationWindow.Check(meeting, time.GetUtcNow(), options.CurrentValue.AllowLate);

    public IReadOnlyList<RegistrationMeeting> Open() => All.Where(m => Availability(m).IsOpen).ToList();

    /// <summary>Why no meeting can be registered for: the closed ones with their date and contact, or that there are none.</summary>
    public string NothingOpenMessage(RegistrationDefinition definition, string locale)
    {
        var closed = All.Select(m => (Meeting: m, Availability: Availability(m))).Where(x => !x.Availability.IsOpen).ToList();
        if (closed.Count == 0) return definition.Message("noMeetings").For(locale);
        return string.Join("\n\n", closed.Select(x => ClosedMessage(definition, x.Meeting, x.Availability, locale)));
    }

    public string ClosedMessage(RegistrationDefinition definition, RegistrationMeeting meeting, RegistrationAvailability availability, string locale)
    {
        var values = Placeholders(meeting, locale);
        values["deadline"] = StepRendering.FormatDate(availability.ClosedOn, locale);
        return definition.Message("closed").Format(locale, values);
    }

    /// <summary>"Am I registered?": each active registration of the person with its number, or how to register.</summary>
    public string StatusMessage(RegistrationDefinition definition, IReadOnlyList<Core.Registrations.Registration> registrations, string locale)
    {
        if (registrations.Count == 0) return definition.Message("notRegistered").For(locale);
        return string.Join("\n\n", registrations.Select(r => definition.Message("status").Format(locale, Find(r.MeetingId) is { } m
            ? Placeholders(m, locale, r.ConfirmationNumber)
            : new Dictionary<string, string?> { ["meeting"] = r.MeetingId, ["number"] = r.ConfirmationNumber })));
    }

    public static Dictionary<string, string?> Placeholders(RegistrationMeeting meeting, string locale, string? number = null)
    {
        var french = locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase);
        return new Dictionary<string, string?>
        {
            ["meeting"] = meeting.Title,
            ["dates"] = meeting.DatesText,
            ["venue"] = meeting.Venue ?? (french ? "lieu à confirmer" : "venue to be confirmed"),
            ["deadline"] = meeting.Deadline is null ? (french ? "sans date limite" : "no deadline") : StepRendering.FormatDate(meeting.Deadline, locale),
            ["contact"] = meeting.Contact ?? (french ? "les organisateurs de la réunion" : "the meeting organisers"),
            ["number"] = number,
        };
    }
}
