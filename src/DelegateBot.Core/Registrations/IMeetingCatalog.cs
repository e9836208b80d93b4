namespace DelegateBot.Core.Registrations;

/// <summary>A session a delegate can say they will attend.</summary>
public sealed record MeetingSessionOption(string Id, string Title);

/// <summary>
/// What registration needs to know about a meeting. Kept apart from the agenda's model so the flow
/// depends on these few fields only (see <see cref="AgendaMeetingCatalog"/> for the adapter).
/// </summary>
public sealed record RegistrationMeeting(string Id, string Title, string TimeZone)
{
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    /// <summary>"7 March 2007".</summary>
    public string DatesText { get; init; } = string.Empty;
    public string? Venue { get; init; }
    /// <summary>The last day registrations are accepted, in the meeting's time zone.</summary>
    public DateOnly? Deadline { get; init; }
    /// <summary>Whom to contact about registration.</summary>
    public string? Contact { get; init; }
    public IReadOnlyList<MeetingSessionOption> Sessions { get; init; } = [];
    public IReadOnlyList<string> InterpretationLanguages { get; init; } = [];
    /// <summary>Registrations are accepted after the deadline for this meeting.</summary>
    public bool AllowLate { get; init; }
    /// <summary>Calling code completing national phone numbers ("1").</summary>
    public string? CountryCode { get; init; }
}

/// <summary>The meetings a delegate can register for.</summary>
public interface IMeetingCatalog
{
    IReadOnlyList<RegistrationMeeting> Meetings { get; }

    RegistrationMeeting? Find(string meetingId) => Meetings.FirstOrDefault(m => string.Equals(m.Id, meetingId, StringComparison.OrdinalIgnoreCase));
}
