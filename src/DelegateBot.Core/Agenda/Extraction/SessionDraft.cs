namespace DelegateBot.Core.Agenda.Extraction;

/// <summary>A session while a document is being read; becomes a <see cref="Session"/> once its meeting is known.</summary>
internal sealed class SessionDraft
{
    public required string Title { get; set; }
    public required int Line { get; init; }
    public required Provenance Provenance { get; init; }
    public SessionKind Kind { get; set; } = SessionKind.Session;
    /// <summary>Day from the programme's date header (year possibly still missing).</summary>
    public DateMatch? Day { get; set; }
    public TimeOnly? Start { get; set; }
    public TimeOnly? End { get; set; }
    public Person? Chair { get; set; }
    public List<Person> Panelists { get; } = [];
    public List<Person> Speakers { get; } = [];
    public List<string> KeyQuestions { get; } = [];
    public List<string> Description { get; } = [];
    /// <summary>Programme block the timed item belongs to (-1 for sessions described in prose).</summary>
    public int Block { get; init; } = -1;
    public Dictionary<string, Provenance> Sources { get; } = [];

    public bool Timed => Start is not null;

    /// <summary>A copy with lists and sources of its own.</summary>
    public SessionDraft Copy()
    {
        var copy = new SessionDraft
        {
            Title = Title, Line = Line, Provenance = Provenance, Kind = Kind, Day = Day, Start = Start, End = End, Chair = Chair, Block = Block,
        };
        copy.Panelists.AddRange(Panelists);
        copy.Speakers.AddRange(Speakers);
        copy.KeyQuestions.AddRange(KeyQuestions);
        copy.Description.AddRange(Description);
        foreach (var (field, source) in Sources) copy.Sources.Add(field, source); // in the same order
        return copy;
    }
}

/// <summary>A run of timed programme items, with the date headers and venue lines around it.</summary>
internal sealed class ProgrammeBlock
{
    public required int Index { get; init; }
    public required int FirstLine { get; set; }
    public int LastLine { get; set; }
    public List<DateMatch> Days { get; } = [];
    public List<SessionDraft> Sessions { get; } = [];
}
