using System.Text.RegularExpressions;
using DelegateBot.Core.Knowledge.Index;

namespace DelegateBot.Core.Knowledge.Answering;

/// <summary>How well a unit answers a definition or a list question.</summary>
internal static partial class UnitScorer
{
    private static double DefinitionScore(Question q, TextUnit unit)
    {
        if (!Defines(q, unit)) return -0.3;
        var bonus = 0.15;
        var concept = q.Concepts.FirstOrDefault(c => c.Expansions.Count > 0);
        if (concept is not null && concept.Alternatives.Skip(1).Any(a => a.Stems.All(unit.Stems.Contains))) bonus += 0.2; // the acronym is spelled out here
        var at = unit.Text.IndexOf(q.Subject!, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return bonus;
        var after = unit.Text.AsSpan(at + q.Subject!.Length).TrimStart("\"”’'` ").ToString();
        if (StrongDefinition().IsMatch(after)) return bonus + 0.35; // "X, which consists of ...", "X shall mean ...", "X (the ...)"
        // "X is a ...": the thing is the sentence's subject; "Members of X are ..." or "X is constituted by ..." says something else.
        if (WeakDefinition().IsMatch(after) && !OfBefore().IsMatch(unit.Text.AsSpan(0, at).ToString())) return bonus + 0.25;
        return bonus;
    }

    /// <summary>A definition must come from a unit that names the thing asked about (or its acronym's long form).</summary>
    internal static bool Defines(Question q, TextUnit unit)
    {
        if (q.Subject is null) return false;
        var subject = q.SubjectStems;
        if (subject.Count == 0) return false;
        if (subject.IsSubsetOf(unit.Stems)) return true;
        return q.Concepts.Any(c => c.Expansions.Count > 0 && c.Alternatives.Skip(1).Any(a => a.Stems.All(unit.Stems.Contains)));
    }

    /// <summary>The number of items of the list a lead-in introduces, when the items are what the question counts.</summary>
    private static Entity? ListCount(Question q, IndexedPassage passage, int u)
    {
        var children = 0;
        for (var i = u + 1; i < passage.Units.Length && passage.Units[i].Parent == u; i++) children++;
        if (children < 2) return null;
        var focus = q.Concepts.Where(c => c.Focus && !c.Optional).ToList();
        if (focus.Count == 0 || !focus.All(c => c.Coverage(passage.Units[u].Stems) >= 0.99 || c.Coverage(passage.Units[u + 1].Stems) >= 0.99 || c.Coverage(passage.SectionStems) >= 0.99))
            return null;
        var text = children.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Entity(EntityKind.Number, text, 0, 0, 0.9, "count") { Inferred = true };
    }

    internal static int FirstItem(IndexedPassage passage) => Array.FindIndex(passage.Units, x => x.Kind == UnitKind.ListItem && x.Parent < 0);

    /// <summary>A list answers when its lead-in (or the line it hangs from) is about what is asked.</summary>
    private static double ListScore(Question q, IndexedPassage passage, int u, double ownEvidence)
    {
        var unit = passage.Units[u];
        // A list under a heading and no lead-in ("Speakers" above its bullets) is answered from its first item.
        if (unit.Kind == UnitKind.ListItem && unit.Parent < 0 && u == FirstItem(passage)
            && q.Concepts.Where(c => c.Focus).Any(c => c.Coverage(passage.SectionStems) >= 0.99))
            return 0.4 * ownEvidence;
        if (unit.Kind == UnitKind.ListItem) return -0.1; // the list is answered from its lead-in
        var children = 0;
        for (var i = u + 1; i < passage.Units.Length && passage.Units[i].Parent == u; i++) children++;
        var focus = q.Concepts.Where(c => c.Focus).ToList();
        // The lead-in, its heading or its items must say what the items are ("Panelists:", "OBJECTIVES", "... key questions:").
        if (children >= 2)
            return focus.Count == 0 || focus.Any(c => c.Coverage(unit.Stems) >= 0.99 || c.Coverage(passage.Units[u + 1].Stems) >= 0.99 || c.Coverage(passage.SectionStems) >= 0.99)
                ? 0.4 * ownEvidence : -0.1;
        if (Enumeration().IsMatch(unit.Text)) return 0.3 * ownEvidence;
        // No list anywhere: a sentence coordinating what is asked ("the 2nd and 3rd Committees") still answers.
        return focus.Any(c => Coordinated(unit, c)) ? -0.1 : -0.4;
    }

    /// <summary>"... the 2nd and 3rd Committees": the asked-for noun right after a coordination.</summary>
    private static bool Coordinated(TextUnit unit, Concept c)
    {
        foreach (var t in unit.Tokens)
        {
            if (!Matches(c, t.Stem)) continue;
            var from = Math.Max(0, t.Start - 40);
            if (CoordinationBefore().IsMatch(unit.Text.AsSpan(from, t.Start - from))) return true;
        }
        return false;
    }

    [GeneratedRegex(@"\b[\w-]+,?\s+(?:and|or)\s+[\w-]+\s+$")]
    private static partial Regex CoordinationBefore();

    [GeneratedRegex(@"^(?:,\s*(?:which|that|who)\s+)?(?:shall mean|means|refers to|stands for|consists of|consist of|is composed of|are composed of|comprises|comprise|is defined as|is made up of|brings together)\b|^\((?:the\s+|i\.e\.\s*)?[A-Za-z]|^[,:–—-]\s*(?:an?|the)\s+[a-z]")]
    private static partial Regex StrongDefinition();

    [GeneratedRegex(@"^(?:is|are|was|were|shall be|will be)\s+(?!\w+ed\b)(?!(?:not|also|still|now|currently|therefore)\b)")]
    private static partial Regex WeakDefinition();

    [GeneratedRegex(@"\b(?:of|by|for|to|with|from|in|on)\s+(?:the\s+)?$")]
    private static partial Regex OfBefore();

    /// <summary>Three or more named items in a row: "ILO, IOM, OHCHR, UNCTAD and the World Bank".</summary>
    [GeneratedRegex(@"(?:(?:the\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)*,\s+){2,}(?:and\s+)?(?:the\s+)?[A-Z]")]
    internal static partial Regex Enumeration();
}
