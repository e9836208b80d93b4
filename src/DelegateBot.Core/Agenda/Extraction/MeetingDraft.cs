namespace DelegateBot.Core.Agenda.Extraction;

/// <summary>What the documents say about one event, collected before drafts of all documents are merged.</summary>
internal sealed class MeetingDraft
{
    public required string Name { get; set; }
    public required string Head { get; init; }
    public int? Ordinal { get; set; }
    /// <summary>Set when the event is the Nth meeting of a named series ("Global Forum ..., second meeting").</summary>
    public bool IsSeriesMeeting { get; init; }
    /// <summary>Year given by the mention itself ("the 2010 meeting").</summary>
    public int? MentionYear { get; init; }
    public required Provenance FirstSeen { get; init; }
    public required int FirstLine { get; init; }
    public required string Source { get; init; }
    public int Mentions { get; set; }
    public List<string> Names { get; } = [];

    public DateMatch? Date { get; set; }
    public PlaceInfo? Place { get; set; }
    public string? Venue { get; set; }
    public string? Room { get; set; }
    public string? Organiser { get; set; }
    public string? Language { get; set; }
    public string? Interpretation { get; set; }
    public string? RegistrationContact { get; set; }
    public List<MeetingHours> Hours { get; } = [];
    public List<SessionDraft> Sessions { get; } = [];
    public List<Deadline> Deadlines { get; } = [];
    public Dictionary<string, Provenance> Sources { get; } = [];

    /// <summary>"Global Forum on Migration and Development, second meeting", "Fifth Coordination Meeting on ...".</summary>
    public string DisplayTitle =>
        Ordinal is { } o && IsSeriesMeeting ? $"{Name}, {OrdinalWord(o)} meeting"
        : MentionYear is { } y && IsSeriesMeeting ? $"{Name}, {y} meeting"
        : Ordinal is { } n ? $"{Capitalise(OrdinalWord(n))} {Name}"
        : Name;

    public void SetDate(DateMatch date, Provenance at)
    {
        if (Date is not null && Date.Precision >= date.Precision) return;
        Date = date;
        Sources[AgendaFields.Dates] = at;
    }

    public void SetPlace(PlaceInfo place, string? venue, Provenance at)
    {
        // A city is more precise than its country ("Brussels" over "Belgium").
        if (Place is not null && !(Place.Country is null && place.Country is not null && place.Country == Place.Name)
            && !(venue is not null && Venue is not null && venue.Length > Venue.Length && venue.Contains(Place.Name, StringComparison.Ordinal))) return;
        Place = place;
        Venue = venue ?? place.Name;
        Sources[AgendaFields.Venue] = at;
    }

    public void Set(string field, string? value, Provenance at, Action<string> assign)
    {
        if (string.IsNullOrWhiteSpace(value) || Sources.ContainsKey(field)) return;
        assign(value.Trim());
        Sources[field] = at;
    }

    internal static string OrdinalWord(int n) => n switch
    {
        1 => "first", 2 => "second", 3 => "third", 4 => "fourth", 5 => "fifth", 6 => "sixth", 7 => "seventh", 8 => "eighth",
        9 => "ninth", 10 => "tenth", 11 => "eleventh", 12 => "twelfth", _ => n + (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" },
    };

    internal static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
