using DelegateBot.Core.Knowledge.Answering;

namespace DelegateBot.Core.Knowledge.Index;

internal enum UnitKind { Sentence, Line, ListItem }

/// <summary>The smallest answerable piece of a passage: a sentence, a line of a programme, a list item.</summary>
internal sealed class TextUnit
{
    public required string Text { get; init; }
    public required UnitKind Kind { get; init; }
    public required StemToken[] Tokens { get; init; }
    public required HashSet<string> Stems { get; init; }
    /// <summary>The stems written in the text; <see cref="Stems"/> adds those it implies ("a letter from X": signed).
    /// The same set when it implies nothing.</summary>
    public HashSet<string> Literal { get; init; } = null!;
    /// <summary>Typed spans found once at index time (dates, names, numbers...).</summary>
    public required Entity[] Entities { get; init; }
    /// <summary>Clause boundaries within the text, so an answer is tied to the question's words in its own clause.</summary>
    public required (int Start, int End)[] ClauseBreaks { get; init; }
    /// <summary>Index (in the passage) of the line a list item hangs from ("Panelists:"), or -1.</summary>
    public int Parent { get; init; } = -1;
    public bool IsLeadIn => Text.EndsWith(':');

    /// <summary>A copy that implies one more word (kept apart from the written ones).</summary>
    public TextUnit WithImplied(string stem) => new()
    {
        Text = Text,
        Kind = Kind,
        Tokens = Tokens,
        Stems = [.. Stems, stem],
        Literal = Literal,
        Entities = Entities,
        ClauseBreaks = ClauseBreaks,
        Parent = Parent,
    };

    /// <summary>A copy with one more entity (found from the unit's surroundings at index time), keeping those that <paramref name="keep"/> allows.</summary>
    public TextUnit WithEntity(Entity entity, Func<Entity, bool>? keep = null) => new()
    {
        Text = Text,
        Kind = Kind,
        Tokens = Tokens,
        Stems = Stems,
        Literal = Literal,
        Entities = [.. keep is null ? Entities : Entities.Where(keep), entity],
        ClauseBreaks = ClauseBreaks,
        Parent = Parent,
    };
}

/// <summary>A passage with what the answer scorer needs precomputed at index time (stems, units).</summary>
internal sealed class IndexedPassage
{
    public required Passage Passage { get; init; }
    public required int DocumentIndex { get; init; }
    /// <summary>The passage's place in its document (1, 2, ...).</summary>
    public int Ordinal { get; init; }
    public required ChunkKind Kind { get; init; }
    /// <summary>What the passage is about beyond its own words: document title, section, programme line.</summary>
    public required string Context { get; init; }
    /// <summary>The event or section this passage belongs to, to name an alternative when two fit.</summary>
    public required string Label { get; init; }
    public required HashSet<string> Stems { get; init; }
    public required HashSet<string> ContextStems { get; init; }
    /// <summary>
    /// For a programme item, what the text before its programme says about the event (title, date, venue, the
    /// description of a meeting): "Rabat" for the sessions of the Rabat meeting. Set once when the index is built.
    /// </summary>
    public HashSet<string> LeadStems { get; private set; } = [];

    /// <summary>The lead's text, indexed with the passage's context so retrieval finds the items by the event's words.</summary>
    public string LeadText { get; private set; } = "";

    public void SetLead(string text, HashSet<string> stems)
    {
        LeadText = text;
        LeadStems = stems;
    }
    /// <summary>The section heading the passage sits under (for a programme item, without its day).</summary>
    public string? Section { get; init; }
    /// <summary>For a programme item, its day header ("Thursday, 19 May 2011").</summary>
    public string? Day { get; init; }
    /// <summary>For a programme item, "first day", "second day", "last day": which day of its programme it is on.</summary>
    public StemToken[] DayTokens
    {
        get => _dayTokens;
        set
        {
            _dayTokens = value;
            DayStems = value.Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        }
    }

    private StemToken[] _dayTokens = [];

    /// <summary>The stems of <see cref="DayTokens"/>: "the first day" is what the item's line is about too.</summary>
    public HashSet<string> DayStems { get; private set; } = [];
    /// <summary>The stems of the section heading the passage sits under (not the document title).</summary>
    public required HashSet<string> SectionStems { get; init; }
    /// <summary>The context's stems in order, to find "Objective 9" in a section heading.</summary>
    public required StemToken[] ContextTokens { get; init; }
    public required TextUnit[] Units { get; init; }
}
