using System.Text.RegularExpressions;
using DelegateBot.Core.Knowledge.Index;

namespace DelegateBot.Core.Knowledge.Answering;

/// <summary>
/// Scores one unit (sentence, line, list lead-in) for a question: weighted coverage of the question's concepts
/// by the unit, then more weakly by its parent line, its neighbours, its passage and its document; plus whether
/// it holds an answer of the asked type close to the question's words.
/// </summary>
internal static partial class UnitScorer
{
    private const double MinCoverage = 0.2;

    public static UnitMatch? Score(Question q, KnowledgeSnapshot snapshot, IndexedPassage passage, int u, double bm25)
    {
        var unit = passage.Units[u];
        var parent = unit.Parent >= 0 ? passage.Units[unit.Parent] : null;
        var heading = passage.Kind == ChunkKind.Programme && u != 0 ? passage.Units[0] : null;
        var prev = u > 0 ? passage.Units[u - 1] : null;
        var next = u + 1 < passage.Units.Length ? passage.Units[u + 1] : null;
        var docStems = snapshot.DocumentStems[passage.DocumentIndex];

        double score = 0, evidence = 0, focusBonus = 0;
        foreach (var c in q.Concepts)
        {
            var cu = c.Coverage(unit.Stems);
            var cpar = Math.Max(parent is null ? 0 : c.Coverage(parent.Stems), heading is null ? 0 : c.Coverage(heading.Stems));
            var cn = Math.Max(prev is null ? 0 : c.Coverage(prev.Stems), next is null ? 0 : c.Coverage(next.Stems));
            var cp = Math.Max(c.Coverage(passage.Stems), c.Coverage(passage.ContextStems));
            var cd = c.Coverage(docStems);
            score += c.Weight * Max(cu, 0.8 * cpar, 0.6 * cn, 0.5 * cp, 0.25 * cd);
            if (!c.Optional) evidence += c.Weight * Max(cu, cpar, cn, cp, 0.8 * cd);
            if (c.Focus && cu >= 0.99) focusBonus = 0.1;
        }
        var total = Math.Max(q.RequiredWeight, 1e-6);
        score /= total;
        evidence /= total;
        if (score < MinCoverage) return null;

        var match = new UnitMatch { Passage = passage, Unit = u, Score = score + 0.08 * bm25 + focusBonus, Evidence = Math.Min(1, evidence) };
        match.Score += TypeScore(q, passage, u, match);
        return match;
    }

    private static double Max(params ReadOnlySpan<double> values)
    {
        var m = 0.0;
        foreach (var v in values) if (v > m) m = v;
        return m;
    }

    /// <summary>Bonus for holding an answer of the asked type (and penalty for lacking one); records the entities.</summary>
    private static double TypeScore(Question q, IndexedPassage passage, int u, UnitMatch match)
    {
        var unit = passage.Units[u];
        switch (q.Primary)
        {
            case AnswerType.Sentence:
                return 0;
            case AnswerType.Definition:
                return DefinitionScore(q, unit);
            case AnswerType.List:
                return ListScore(q, passage, u);
        }

        var bonus = 0.0;
        foreach (var type in q.Types)
        {
            var (entity, value) = BestEntity(q, passage, u, type);
            if (entity is null) { bonus -= 0.35 / q.Types.Length; continue; }
            match.Entities.Add(entity);
            bonus += (0.25 + 0.2 * Math.Min(1, value)) / q.Types.Length;
        }
        return bonus;
    }

    internal static (Entity? Entity, double Score) BestEntity(Question q, IndexedPassage passage, int u, AnswerType type)
    {
        var unit = passage.Units[u];
        Entity? best = null;
        var bestScore = double.MinValue;
        foreach (var e in unit.Entities)
        {
            var kindBonus = KindFit(type, e);
            if (kindBonus < 0) continue;
            if (MentionedInQuestion(q, e)) continue;
            var s = 0.35 * e.Quality + 0.65 * Proximity(q, unit, e) + kindBonus + Clause(q, unit, e) + Extra(q, type, unit, e);
            if (s > bestScore) { best = e; bestScore = s; }
        }
        if (type == AnswerType.Place && AddressLines(passage, u) is { } address)
        {
            var s = 1.0 + Proximity(q, unit, new Entity(EntityKind.Place, "", unit.Text.Length, unit.Text.Length, 1));
            if (s > bestScore) { best = new Entity(EntityKind.Place, address, 0, 0, 1.0); bestScore = s; }
        }
        return (best, best is null ? 0 : bestScore);
    }

    /// <summary>-1 when the entity cannot answer this type; else a bonus for the best-fitting kinds.</summary>
    private static double KindFit(AnswerType type, Entity e) => (type, e.Kind) switch
    {
        (AnswerType.Date, EntityKind.Date) => 0,
        (AnswerType.Time, EntityKind.Time) => 0,
        (AnswerType.Place, EntityKind.Room) => 0.2,
        (AnswerType.Place, EntityKind.Place) => 0,
        (AnswerType.Person, EntityKind.Person) => 0.1,
        (AnswerType.Person, EntityKind.Agent) => 0.05,
        (AnswerType.Organisation, EntityKind.Organisation) => 0.05,
        (AnswerType.Organisation, EntityKind.Agent) => 0.1,
        (AnswerType.Number, EntityKind.Number) => 0,
        (AnswerType.Amount, EntityKind.Amount) => 0.1,
        (AnswerType.Amount, EntityKind.Number) => -0.5 + (e.Text.Contains("million") || e.Text.Contains("billion") ? 0.5 : -1),
        (AnswerType.Quote, EntityKind.Quote) => 0,
        (AnswerType.Language, EntityKind.Language) => 0,
        (AnswerType.Country, EntityKind.Country) => 0,
        _ => -1,
    };

    /// <summary>Don't answer with what was asked: "by 15 July 2008" in the question is not the answer.</summary>
    private static bool MentionedInQuestion(Question q, Entity e)
    {
        var folded = QuestionAnalyzer.Fold(e.Text);
        return folded.Length > 0 && $" {q.Folded} ".Contains($" {folded} ", StringComparison.Ordinal);
    }

    /// <summary>Weighted nearness of the question's words in the unit to the entity (focus words count double).</summary>
    private static double Proximity(Question q, TextUnit unit, Entity e)
    {
        double near = 0, total = 0;
        foreach (var c in q.Concepts)
        {
            var bestNear = -1.0;
            foreach (var t in unit.Tokens)
            {
                if (!Matches(c, t.Stem)) continue;
                var gap = t.End <= e.Start ? e.Start - t.End : t.Start >= e.End ? t.Start - e.End : 0;
                bestNear = Math.Max(bestNear, Math.Exp(-gap / 35.0));
            }
            if (bestNear < 0) continue;
            near += c.Weight * bestNear;
            total += c.Weight;
        }
        return total == 0 ? 0 : near / total;
    }

    private static bool Matches(Concept c, string stem)
    {
        foreach (var alt in c.Alternatives)
            foreach (var s in alt.Stems)
                if (s == stem) return true;
        return false;
    }

    /// <summary>A number or name of the question in the entity's own clause ("... and Argentina has done so for the 2010 meeting").</summary>
    private static double Clause(Question q, TextUnit unit, Entity e)
    {
        var constraints = q.Concepts.Where(c => c.Constraint).ToList();
        if (constraints.Count == 0) return 0;
        var (from, to) = ClauseAround(unit.Text, e.Start);
        var inClause = 0;
        var inUnit = 0;
        foreach (var c in constraints)
        {
            var any = false;
            foreach (var t in unit.Tokens)
            {
                if (!Matches(c, t.Stem)) continue;
                any = true;
                if (t.Start >= from && t.End <= to) { inClause++; break; }
            }
            if (any) inUnit++;
        }
        return inUnit == 0 ? 0 : 0.3 * inClause / inUnit;
    }

    private static (int From, int To) ClauseAround(string text, int position)
    {
        var from = 0;
        var to = text.Length;
        foreach (Match m in ClauseBreak().Matches(text))
        {
            if (m.Index + m.Length <= position) from = m.Index + m.Length;
            else if (m.Index >= position) { to = m.Index; break; }
        }
        return (from, to);
    }

    private static double Extra(Question q, AnswerType type, TextUnit unit, Entity e)
    {
        var bonus = 0.0;
        if (type == AnswerType.Number)
        {
            // "How many Member States": the counted noun follows the number.
            foreach (var t in unit.Tokens)
            {
                if (t.Start < e.End || t.Start > e.End + 30) continue;
                if (q.Concepts.Any(c => c.Focus && Matches(c, t.Stem))) { bonus += 0.4; break; }
            }
        }
        if (e.Role is not null && KnowledgeAnalyzer.Instance.Stem(e.Role.Split(' ')[0]) is { } role
            && q.Concepts.Any(c => c.Focus && Matches(c, role)))
            bonus += 0.3;
        return bonus;
    }

    private static double DefinitionScore(Question q, TextUnit unit)
    {
        if (q.Subject is null) return 0;
        var subject = KnowledgeAnalyzer.Instance.Stems(q.Subject);
        if (subject.Count == 0 || !subject.IsSubsetOf(unit.Stems)) return -0.1;
        var bonus = 0.15;
        var concept = q.Concepts.FirstOrDefault(c => subject.Contains(c.Surface));
        if (concept is not null && concept.Alternatives.Skip(1).Any(a => a.Stems.All(unit.Stems.Contains))) bonus += 0.2; // defined here
        if (DefinitionVerb().IsMatch(unit.Text)) bonus += 0.05;
        return bonus;
    }

    private static double ListScore(Question q, IndexedPassage passage, int u)
    {
        var unit = passage.Units[u];
        if (unit.Kind == UnitKind.ListItem) return -0.1; // the list is answered from its lead-in
        var children = 0;
        for (var i = u + 1; i < passage.Units.Length && passage.Units[i].Parent == u; i++) children++;
        if (children >= 2) return 0.35;
        return Enumeration().IsMatch(unit.Text) ? 0.15 : -0.2;
    }

    /// <summary>The address a lead-in such as "return it to the following address:" leads into.</summary>
    internal static string? AddressLines(IndexedPassage passage, int u)
    {
        var unit = passage.Units[u];
        if (!unit.IsLeadIn || !unit.Text.Contains("address", StringComparison.OrdinalIgnoreCase)) return null;
        var lines = new List<string>();
        for (var i = u + 1; i < passage.Units.Length && passage.Units[i].Parent == u; i++)
        {
            var line = passage.Units[i].Text;
            if (line.Contains(':')) break; // "Phone: ...", "Registration deadline: ..." end the address
            lines.Add(line);
        }
        return lines.Count == 0 ? null : string.Join(", ", lines);
    }

    [GeneratedRegex(@"[;:]|,?\s+(?:and|but|while|whereas)\s+(?=[A-Z])|\s[–—]\s")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"\b(?:is|are|was|were|refers to|means|stands for|consists of)\b")]
    private static partial Regex DefinitionVerb();

    /// <summary>Three or more named items in a row: "ILO, IOM, OHCHR, UNCTAD and the World Bank".</summary>
    [GeneratedRegex(@"(?:(?:the\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)*,\s+){2,}(?:and\s+)?(?:the\s+)?[A-Z]")]
    internal static partial Regex Enumeration();
}
