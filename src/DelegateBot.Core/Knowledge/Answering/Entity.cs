namespace DelegateBot.Core.Knowledge.Answering;

internal enum EntityKind { Date, Time, Person, Agent, Organisation, Number, Amount, Quote, Room, Place, Country, Language, Phone, Email, Reference, Office, Frequency, Duration }

/// <summary>A typed span of a unit that can be a short answer ("29 and 30 October 2008", "Dr. Khalid Koser").</summary>
/// <param name="Quality">How complete the span is for its kind (a full date 1.0, a month and year 0.7, a bare year 0.3).</param>
/// <param name="Role">For "Chair: X" lines, the label (the role the person has).</param>
internal sealed record Entity(EntityKind Kind, string Text, int Start, int End, double Quality, string? Role = null)
{
    /// <summary>The text folded like a question (" 15 july 2008 "), computed once at index time.</summary>
    public string Folded { get; } = " " + QuestionAnalyzer.Fold(Text) + " ";

    /// <summary>For a time or a time range, its start and end in minutes after midnight (-1 when unknown).</summary>
    public int From { get; init; } = -1;
    public int To { get; init; } = -1;

    /// <summary>The stems of the role ("chair"; "unicef execut director capac chair global migrat group"), computed once at index time.</summary>
    public HashSet<string> RoleStems { get; } = Role is null ? [] : Index.KnowledgeAnalyzer.Instance.Stems(Role);

    /// <summary>Not written in the unit but inferred from where it stands (the day a programme item sits under).</summary>
    public bool Inferred { get; init; }

    /// <summary>The same span with a role (a new entity, not "with": the role's stems are computed when an entity is made).</summary>
    public Entity WithRole(string role) => new(Kind, Text, Start, End, Quality, role) { From = From, To = To, Inferred = Inferred };

    /// <summary>The role is what follows a name on its line ("Name, Title, Organisation"), not a label such as "Chair:".</summary>
    public bool RoleFromLine { get; init; }
}
