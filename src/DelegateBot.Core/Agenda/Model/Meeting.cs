namespace DelegateBot.Core.Agenda;

/// <summary>
/// An event of the documents: a debate, a seminar, a forum meeting. Dates are calendar dates and times are
/// wall-clock times in <see cref="TimeZone"/> (IANA id); <see cref="StartOf"/>/<see cref="EndOf"/> give instants.
/// </summary>
public sealed record Meeting
{
    /// <summary>Slug ("informal-thematic-debate-on-international-migration-2011"), stable across rebuilds.</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }

    /// <summary>First and last day when the documents give days; null for "in 2009" or "in October 2008".</summary>
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    /// <summary>Year and month as far as they are known (also set when the days are known).</summary>
    public int? Year { get; init; }
    public int? Month { get; init; }

    /// <summary>Place as the documents name it ("North Lawn Building, UN Headquarters, New York").</summary>
    public string? Venue { get; init; }
    /// <summary>City or country the venue is in, when known ("New York", "Greece").</summary>
    public string? Place { get; init; }
    public string? Room { get; init; }
    public string? Organiser { get; init; }
    public string? Language { get; init; }
    public string? Interpretation { get; init; }
    /// <summary>IANA time zone id ("America/New_York").</summary>
    public required string TimeZone { get; init; }
    public string? RegistrationContact { get; init; }
    public IReadOnlyList<MeetingHours> Hours { get; init; } = [];
    public IReadOnlyList<Session> Sessions { get; init; } = [];
    public IReadOnlyList<Deadline> Deadlines { get; init; } = [];
    /// <summary>Default for sessions without their own setting (agenda.yaml may turn a meeting's pushes off).</summary>
    public bool Pushes { get; init; } = true;

    /// <summary>Where the meeting was first found.</summary>
    public required Provenance Provenance { get; init; }
    /// <summary>Where each field came from, by <see cref="AgendaFields"/> name.</summary>
    public IReadOnlyDictionary<string, Provenance> Sources { get; init; } = new Dictionary<string, Provenance>();

    public Provenance SourceOf(string field) => Sources.TryGetValue(field, out var p) ? p : Provenance;

    public Deadline? RegistrationDeadline => Deadlines.FirstOrDefault(d => d.Kind == DeadlineKind.Registration);

    /// <summary>The session's day: its own, or the meeting's when the meeting lasts one day.</summary>
    public DateOnly? DayOf(Session session) =>
        session.Date ?? (StartDate is { } s && (EndDate is null || EndDate == s) ? s : null);

    public DateTimeOffset? StartOf(Session session) =>
        DayOf(session) is { } day && session.Start is { } t ? AgendaTime.ToInstant(day, t, TimeZone) : null;

    public DateTimeOffset? EndOf(Session session) =>
        DayOf(session) is { } day && session.End is { } t ? AgendaTime.ToInstant(day, t, TimeZone) : null;

    /// <summary>"10–11 July 2007", "October 2008", "2009".</summary>
    public string DatesText => AgendaTime.FormatDates(StartDate, EndDate, Year, Month);
}
