using DelegateBot.Core.Knowledge.Index;

namespace DelegateBot.Core.Knowledge.Answering;

/// <summary>
/// Passages that cannot answer whatever their words: about another numbered part ("panel one" for "panel two"),
/// another part of the day, or missing a name or number the question gives.
/// </summary>
internal static partial class UnitScorer
{
    /// <summary>"The afternoon panel": a programme item timed in another part of the day is another item.</summary>
    private static bool InDayPart(Question q, IndexedPassage passage)
    {
        if (q.DayPart == DayPart.None || passage.Kind != ChunkKind.Programme || passage.Units.Length == 0) return true;
        var time = passage.Units[0].Entities.FirstOrDefault(e => e.Kind == EntityKind.Time && e.From >= 0);
        return time is null || TimeRanges.InPart(time, q.DayPart);
    }

    /// <summary>A question naming one document's event ("the migrant health consultation") is answered from that document,
    /// or from a passage of another that names the event too.</summary>
    private static bool InNamedDocument(Question q, IndexedPassage passage)
    {
        if (q.NamedDocument < 0 || passage.DocumentIndex == q.NamedDocument) return true;
        foreach (var c in q.NamingConcepts)
            if (Math.Max(Math.Max(c.Coverage(passage.Stems), c.Coverage(passage.ContextStems)), c.Coverage(passage.LeadStems)) < 0.75) return false;
        return true;
    }

    /// <summary>"The closing ceremony": a programme item that is the opening one (or the other way round) is another item.</summary>
    private static bool AtAskedEnd(Question q, IndexedPassage passage)
    {
        if (q.ItemEnd == TimeAspect.None || passage.Kind != ChunkKind.Programme || passage.Units.Length == 0) return true;
        var line = passage.Units[0];
        var opening = OpeningWords().IsMatch(line.Text);
        var closing = ClosingWords().IsMatch(line.Text);
        return q.ItemEnd == TimeAspect.Start ? opening || !closing : closing || !opening;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:[Oo]pening|OPENING|[Ww]elcome|WELCOME|[Ii]ntroductory|[Ii]naugural)\b")]
    private static partial System.Text.RegularExpressions.Regex OpeningWords();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:[Cc]losing|CLOSING|[Cc]oncluding|[Cc]losure|[Ff]inal [Rr]emarks|[Ww]rap-up)\b")]
    private static partial System.Text.RegularExpressions.Regex ClosingWords();

    private const double OneInstanceMalus = 0.1;

    /// <summary>
    /// "The first meeting of the Global Forum, organized by ...": the unit is about one of the things the question asks
    /// about in general (an ordinal before a word of the question), so a sentence about all of them says it better.
    /// </summary>
    private static bool AboutOneInstance(Question q, TextUnit unit)
    {
        var tokens = unit.Tokens;
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            if (tokens[i].End - tokens[i].Start > 7 || !Ordinals.Contains(unit.Text[tokens[i].Start..tokens[i].End])) continue;
            foreach (var c in q.Concepts)
                if (!c.Optional && Matches(c, tokens[i + 1].Stem)) return true;
        }
        return false;
    }

    /// <summary>No "panel two", "2010", "the first ..." in the question: it asks about all of what it names.</summary>
    private static bool NamesNoInstance(Question q) =>
        !q.Concepts.Any(c => c.Identifier || (c.Constraint && c.Surface.Any(char.IsDigit)))
        && !q.Folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(Ordinals.Contains);

    private static readonly HashSet<string> Ordinals = new(StringComparer.OrdinalIgnoreCase)
    {
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    };

    /// <summary>"Panel two", "objective 9", "the 2010 meeting": a passage about another one of them cannot answer.</summary>
    private static bool CarriesIdentifiers(Question q, IndexedPassage passage, HashSet<string> docStems)
    {
        foreach (var c in q.Concepts)
        {
            if (c.IdentifierOf is not { } noun) continue;
            if (Adjacent(c, noun, passage.DayTokens)) continue;
            if (Math.Max(c.Coverage(passage.Stems), c.Coverage(passage.ContextStems)) >= 0.75)
            {
                if (Adjacent(c, noun, passage.ContextTokens)) continue;
                var found = false;
                foreach (var unit in passage.Units)
                    if (Adjacent(c, noun, unit.Tokens)) { found = true; break; }
                if (found) continue;
            }
            // A year names a meeting through its document too (the date in its header).
            if (c.Surface.Length == 4 && c.Surface.All(char.IsDigit) && c.Coverage(docStems) >= 0.99) continue;
            return false;
        }
        return true;
    }

    /// <summary>The identifier next to its noun: "Panel two", "Objective 9", "the second High-level Dialogue".</summary>
    private static bool Adjacent(Concept c, string noun, StemToken[] tokens)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Stem != noun) continue;
            for (var j = Math.Max(0, i - 4); j <= Math.Min(tokens.Length - 1, i + 2); j++)
                if (j != i && Matches(c, tokens[j].Stem)) return true;
        }
        return false;
    }

    /// <summary>
    /// A name or number of the question ("France", "Rabat", "15 July 2008") must be in the passage, its context or
    /// its document's title and headers: found only somewhere else in a long document, it says nothing about this passage.
    /// </summary>
    private static bool CarriesConstraints(Question q, IndexedPassage passage, HashSet<string> docStems)
    {
        foreach (var c in q.Concepts)
        {
            if (!(c.Constraint || c.NamesDocument) || c.Unknown) continue;
            if (Math.Max(Math.Max(c.Coverage(passage.Stems), c.Coverage(passage.LeadStems)), Math.Max(c.Coverage(passage.ContextStems), c.Coverage(docStems))) < 0.75) return false;
        }
        return true;
    }
}
