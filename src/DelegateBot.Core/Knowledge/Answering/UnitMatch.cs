using DelegateBot.Core.Knowledge.Index;

namespace DelegateBot.Core.Knowledge.Answering;

/// <summary>A scored candidate: one unit of one passage, with the short answer found in it.</summary>
internal sealed class UnitMatch
{
    public required IndexedPassage Passage { get; init; }
    public required int Unit { get; init; }
    public required double Score { get; set; }
    /// <summary>Share of the question's required concepts the unit and its context hold (0..1): the abstention test.</summary>
    public required double Evidence { get; init; }
    /// <summary>The same share counting only the unit's own passage (not the rest of its document).</summary>
    public required double LocalEvidence { get; init; }
    /// <summary>The same share counting only the unit and the line it hangs from.</summary>
    public double OwnEvidence { get; init; }
    /// <summary>One of the question's rarest words occurs nowhere in the unit's passage, context or document.</summary>
    public bool MissesKeyConcept { get; init; }
    /// <summary>One of the question's rarest words is not in the unit's passage (only elsewhere in its document).</summary>
    public bool KeyOutsidePassage { get; init; }
    /// <summary>The word that says what is asked ("budget", "deadline") is in neither the unit nor the line it hangs from.</summary>
    public bool MissesFocus { get; init; }
    /// <summary>How much the unit or the line it hangs from holds the object of the asked verb ("the steering committee" of
    /// "who chairs the steering committee"); 1 when the question has none.</summary>
    public double ObjectCoverage { get; init; } = 1;
    public string? Short { get; set; }
    /// <summary>The typed answers found in the unit, one per asked type ("where and when" gives two).</summary>
    public List<Entity> Entities { get; } = [];
    /// <summary>Units shown as support (the unit itself, a list's items, a neighbouring sentence).</summary>
    public List<int> SupportUnits { get; } = [];
    /// <summary>Units quoted in the citation when more than the support (a list with its items); else the support.</summary>
    public List<int> ExcerptUnits { get; } = [];

    public TextUnit TextUnit => Passage.Units[Unit];
}
