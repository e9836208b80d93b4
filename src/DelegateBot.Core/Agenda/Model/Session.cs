namespace DelegateBot.Core.Agenda;

/// <summary>A part of a meeting: a panel, an opening, a break. Times are wall-clock times in the meeting's time zone.</summary>
public sealed record Session
{
    /// <summary>Slug, unique within its meeting ("panel-one"); used by agenda.yaml and calendar UIDs.</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    public SessionKind Kind { get; init; } = SessionKind.Session;

    /// <summary>The day; null when the document gives none (then the meeting's only day, if it has one).</summary>
    public DateOnly? Date { get; init; }
    public TimeOnly? Start { get; init; }
    public TimeOnly? End { get; init; }

    public Person? Chair { get; init; }
    public IReadOnlyList<Person> Panelists { get; init; } = [];
    /// <summary>People speaking in a session that is not a panel (opening remarks, keynote, summary).</summary>
    public IReadOnlyList<Person> Speakers { get; init; } = [];
    public IReadOnlyList<string> KeyQuestions { get; init; } = [];
    public string? Description { get; init; }
    /// <summary>Room when it differs from the meeting's.</summary>
    public string? Room { get; init; }
    /// <summary>Whether subscribers get this session's card before it starts (breaks do not).</summary>
    public bool Pushes { get; init; } = true;

    /// <summary>Where the session itself was found.</summary>
    public required Provenance Provenance { get; init; }
    /// <summary>Where each field came from, by <see cref="AgendaFields"/> name; fields not listed come from <see cref="Provenance"/>.</summary>
    public IReadOnlyDictionary<string, Provenance> Sources { get; init; } = new Dictionary<string, Provenance>();

    public Provenance SourceOf(string field) => Sources.TryGetValue(field, out var p) ? p : Provenance;

    public bool HasTime => Start is not null;
}

public enum SessionKind
{
    Session,
    /// <summary>Lunch, coffee, reception: shown on the agenda, skipped by "who speaks next" and pushes.</summary>
    Break,
}

/// <summary>Field names used as keys of the per-field provenance maps and in agenda.yaml messages.</summary>
public static class AgendaFields
{
    public const string Title = "title";
    public const string Dates = "dates";
    public const string Time = "time";
    public const string Venue = "venue";
    public const string Room = "room";
    public const string Organiser = "organiser";
    public const string Language = "language";
    public const string Interpretation = "interpretation";
    public const string TimeZone = "timeZone";
    public const string RegistrationContact = "registrationContact";
    public const string Hours = "hours";
    public const string Chair = "chair";
    public const string Panelists = "panelists";
    public const string Speakers = "speakers";
    public const string KeyQuestions = "keyQuestions";
    public const string Description = "description";
    public const string Pushes = "pushes";
}
