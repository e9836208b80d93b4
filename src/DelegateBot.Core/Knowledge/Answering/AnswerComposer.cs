using System.Text;
using DelegateBot.Core.Knowledge.Index;

namespace DelegateBot.Core.Knowledge.Answering;

/// <summary>Cuts the short answer out of the chosen unit and picks the supporting units to show with it.</summary>
internal static class AnswerComposer
{
    public static void Complete(Question q, UnitMatch m)
    {
        var passage = m.Passage;
        var unit = m.TextUnit;
        m.SupportUnits.Clear();
        m.ExcerptUnits.Clear();
        m.SupportUnits.Add(m.Unit);

        switch (q.Primary)
        {
            case AnswerType.List:
                var children = Children(passage, m.Unit);
                if (children.Count >= 2)
                {
                    m.Short = string.Join("; ", children.Select(i => ListItem(passage.Units[i])));
                    if (!children.Contains(m.Unit)) m.ExcerptUnits.Add(m.Unit);
                    m.ExcerptUnits.AddRange(children);
                    return;
                }
                var enumeration = UnitScorer.Enumeration().Match(unit.Text);
                m.Short = enumeration.Success ? EnumerationText(unit.Text, enumeration.Index) : null;
                break;
            case AnswerType.Definition:
                m.Short = Expansion(q, unit);
                break;
            case AnswerType.Sentence:
                m.Short = null;
                break;
            case AnswerType.Language:
                // "Conducted in English. French interpretation ...": every language the support names, in order.
                AddNeighbourForMissingPart(q, m);
                m.Short = string.Join(", ", m.SupportUnits.SelectMany(i => passage.Units[i].Entities
                    .Where(e => e.Kind == EntityKind.Language).OrderBy(e => e.Start)).Select(e => e.Text).Distinct());
                return;
            default:
                m.Short = m.Entities.Count == 0 ? null : string.Join(", ", m.Entities.Select(e => EntityText(q, unit, e)).Distinct());
                if (Speakers(q, m) is { } speakers) m.Short = speakers;
                break;
        }
        AddNeighbourForMissingPart(q, m);
    }

    /// <summary>
    /// "Who gives the opening remarks?": when the question names a programme item rather than one person, every person
    /// listed for it answers ("H.E. Mr. Joseph Deiss; H.E. Mr. Ban Ki-moon"), from the lines under the item or the names
    /// of one line ("Speakers: A, ...; B, ..."). A question that picks one of them ("which panelist is from Morocco")
    /// gets that one.
    /// </summary>
    private static string? Speakers(Question q, UnitMatch m)
    {
        if (q.Primary != AnswerType.Person || m.Entities.Count != 1 || m.Entities[0].Kind != EntityKind.Person) return null;
        var unit = m.TextUnit;
        var own = q.Required.Sum(c => c.Weight * c.Coverage(unit.Literal)) / Math.Max(q.RequiredWeight, 1e-6);
        var passage = m.Passage;
        var lines = new List<int> { m.Unit };
        if (passage.Kind == ChunkKind.Programme && m.Unit > 0 && PassageBuilder.SpeakerLine(unit))
        {
            // The run of name lines the unit belongs to (under the same lead-in, or right under the item's line).
            var first = m.Unit;
            while (first > 1 && passage.Units[first - 1].Parent == unit.Parent && PassageBuilder.SpeakerLine(passage.Units[first - 1])) first--;
            var last = m.Unit;
            while (last + 1 < passage.Units.Length && passage.Units[last + 1].Parent == unit.Parent && PassageBuilder.SpeakerLine(passage.Units[last + 1])) last++;
            // Under "Panelists:" the question must name the list, not only the item, to want all of them.
            if (unit.Parent > 0 && !q.Concepts.Any(c => c.Focus && c.Coverage(passage.Units[unit.Parent].Stems) >= 0.99)) { first = last = m.Unit; }
            lines = Enumerable.Range(first, last - first + 1).ToList();
        }
        // Only the item's words found in the line itself: the question asks about the item, not this person.
        if (own >= 0.35) return null;
        var names = lines.SelectMany(i => passage.Units[i].Entities.Where(e => e.Kind == EntityKind.Person && !MentionedIn(q, e)).OrderBy(e => e.Start).Select(e => e.Text))
            .Distinct().ToList();
        if (names.Count < 2) return null;
        m.SupportUnits.Clear();
        m.SupportUnits.AddRange(lines);
        return string.Join("; ", names);
    }

    private static bool MentionedIn(Question q, Entity e) => e.Folded.Length > 2 && q.Folded.Contains(e.Folded, StringComparison.Ordinal);

    private static List<int> Children(IndexedPassage passage, int u)
    {
        var list = new List<int>();
        // A list without a lead-in: its first item stands for all of them.
        if (passage.Units[u] is { Kind: UnitKind.ListItem, Parent: < 0 } && u == UnitScorer.FirstItem(passage))
        {
            for (var i = u; i < passage.Units.Length; i++)
                if (passage.Units[i] is { Kind: UnitKind.ListItem, Parent: < 0 }) list.Add(i);
            return list;
        }
        for (var i = u + 1; i < passage.Units.Length && passage.Units[i].Parent == u; i++) list.Add(i);
        return list;
    }

    /// <summary>"Name, role" items read as "Name (role)"; other items as they are.</summary>
    private static string ListItem(TextUnit item)
    {
        var person = item.Entities.FirstOrDefault(e => e.Kind == EntityKind.Person && e.Start <= 1);
        if (person is not null && item.Text.Length > person.End + 2 && item.Text[person.End] == ',')
            return $"{person.Text} ({item.Text[(person.End + 1)..].Trim()})";
        return item.Text.TrimEnd(';', ',', '.');
    }

    private static string EnumerationText(string text, int start)
    {
        var end = text.IndexOfAny(['.', ';', '–', '—', ')'], start);
        return (end < 0 ? text[start..] : text[start..end]).Trim().TrimEnd(',');
    }

    /// <summary>The entity, a counted noun kept with its number ("132 Member States"), a room with its building and city.</summary>
    private static string EntityText(Question q, TextUnit unit, Entity e)
    {
        if (e.Kind == EntityKind.Time && q.Primary == AnswerType.Duration && e.From >= 0 && e.To > e.From) return TimeRanges.Length(e);
        if (e.Kind == EntityKind.Time && q.Primary == AnswerType.Date && unit.Entities.FirstOrDefault(d => d.Kind == EntityKind.Date && d.Inferred) is { } day)
            return $"{day.Text}, {e.Text}";
        if (e.Kind == EntityKind.Time) return TimeRanges.Text(q, e);
        if (e.Kind == EntityKind.Room && q.Primary == AnswerType.Place) return Venue(unit, e);
        if (e.Kind != EntityKind.Number || e.End == 0) return e.Text;
        var end = e.End;
        foreach (var t in unit.Tokens)
        {
            if (t.Start < end) continue;
            if (t.Start - end > 2 || !q.Concepts.Any(c => c.Focus && c.AllStems.Contains(t.Stem))) break;
            end = t.End;
        }
        return unit.Text[e.Start..end].Trim();
    }

    /// <summary>"Conference Room 9, United Nations Headquarters, New York": the room with the places its sentence gives.</summary>
    private static string Venue(TextUnit unit, Entity room)
    {
        if (room.Text.Contains(',')) return room.Text;
        var places = unit.Entities
            .Where(p => p.Kind == EntityKind.Place && p.Role is null && (p.End <= room.Start || p.Start >= room.End)
                        && !room.Text.Contains(p.Text, StringComparison.Ordinal))
            .OrderBy(p => p.Start).Select(p => p.Text).Distinct().Take(2).ToList();
        return places.Count == 0 ? room.Text : $"{room.Text}, {string.Join(", ", places)}";
    }

    private static string? Expansion(Question q, TextUnit unit)
    {
        if (q.Subject is null) return null;
        var concept = q.Concepts.FirstOrDefault(c => c.Expansions.Count > 0);
        if (concept is null) return null;
        // The expansion the supporting sentence itself uses, else the best known one.
        var used = concept.Expansions.FirstOrDefault(x => KnowledgeAnalyzer.Instance.Stems(x).IsSubsetOf(unit.Stems)) ?? concept.Expansions[0];
        return $"{q.Subject.Trim()}: {used}";
    }

    /// <summary>A two-part question ("... conducted in, and is interpretation available?"): add the neighbour that answers the other part.</summary>
    private static void AddNeighbourForMissingPart(Question q, UnitMatch m)
    {
        var passage = m.Passage;
        var unit = m.TextUnit;
        var missing = q.Required.Where(c => c.Coverage(unit.Stems) < 0.99 && !c.Unknown).ToList();
        if (missing.Count == 0) return;
        foreach (var n in new[] { m.Unit + 1, m.Unit - 1 })
        {
            if (n < 0 || n >= passage.Units.Length || passage.Units[n].Kind != unit.Kind) continue;
            var neighbour = passage.Units[n];
            if (missing.Any(c => c.Coverage(neighbour.Stems) >= 0.99 && c.Weight >= 1.5))
            {
                if (n > m.Unit) m.SupportUnits.Add(n); else m.SupportUnits.Insert(0, n);
                return;
            }
        }
    }

    internal static string Render(IndexedPassage passage, IEnumerable<int> units)
    {
        var sb = new StringBuilder();
        foreach (var u in units)
        {
            var unit = passage.Units[u];
            if (sb.Length > 0) sb.Append(unit.Kind == UnitKind.Sentence ? " " : "\n");
            sb.Append(unit.Kind == UnitKind.ListItem && !char.IsDigit(unit.Text[0]) ? "- " + unit.Text : unit.Text);
        }
        return sb.ToString();
    }
}
