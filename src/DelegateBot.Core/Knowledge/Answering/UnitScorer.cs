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

    /// <summary>Scores every unit of a passage; coverage by each unit is computed once and reused for its neighbours.</summary>
    public static void ScorePassage(Question q, KnowledgeSnapshot snapshot, IndexedPassage passage, double bm25, List<UnitMatch> output)
    {
        // A passage that cannot answer is dropped before its units are scored.
        var docStems = snapshot.DocumentStems[passage.DocumentIndex];
        if (!InNamedDocument(q, passage) || !AtAskedEnd(q, passage) || !CarriesIdentifiers(q, passage, docStems) || !CarriesConstraints(q, passage, docStems) || !InDayPart(q, passage)) return;
        var docText = snapshot.DocumentTextStems[passage.DocumentIndex];
        var concepts = q.Concepts;
        var n = passage.Units.Length;
        var k = concepts.Count;
        var unitCoverage = new double[n * k];
        for (var u = 0; u < n; u++)
            for (var c = 0; c < k; c++)
            {
                // Words a unit only implies ("the meeting" for the title's name) count a little less than written ones.
                var unit = passage.Units[u];
                unitCoverage[u * k + c] = ReferenceEquals(unit.Literal, unit.Stems)
                    ? concepts[c].Coverage(unit.Stems)
                    : Math.Max(concepts[c].Coverage(unit.Literal), 0.8 * concepts[c].Coverage(unit.Stems));
            }

        Span<double> passageCoverage = stackalloc double[k];
        Span<double> documentCoverage = stackalloc double[k];
        Span<double> contextCoverage = stackalloc double[k];
        Span<double> sectionCoverage = stackalloc double[k];
        // A programme or a header is about the event its document and section name: their words count as the line's own.
        var framed = passage.Kind is ChunkKind.Programme or ChunkKind.Header;
        for (var c = 0; c < k; c++)
        {
            contextCoverage[c] = framed ? Max(concepts[c].Coverage(passage.ContextStems), concepts[c].Coverage(passage.LeadStems), concepts[c].Coverage(passage.DayStems)) : 0;
            sectionCoverage[c] = framed ? 0 : concepts[c].Coverage(passage.SectionStems);
            passageCoverage[c] = Math.Max(Math.Max(concepts[c].Coverage(passage.Stems), concepts[c].Coverage(passage.ContextStems)), contextCoverage[c]);
            // A long form's words scattered over a whole document do not name it: full text counts single words only.
            documentCoverage[c] = Math.Max(concepts[c].Coverage(docStems), 0.6 * concepts[c].Coverage(docText, singleWordsOnly: true));
        }

        // For a list question, a lead-in speaks for its items ("Focus of discussion" over four key questions).
        if (q.Primary == AnswerType.List)
            for (var u = 0; u < n; u++)
                for (var i = u + 1; i < n && passage.Units[i].Parent == u; i++)
                    for (var c = 0; c < k; c++)
                        unitCoverage[u * k + c] = Math.Max(unitCoverage[u * k + c], 0.9 * unitCoverage[i * k + c]);

        var total = Math.Max(q.RequiredWeight, 1e-6);
        // The rarest words of the question (within 80% of the rarest's weight) must occur somewhere around the answer.
        var keyWeight = 0.8 * q.Required.Select(c => c.Weight).DefaultIfEmpty(0).Max();
        var shortQuestion = q.Required.Count() <= 4;
        // "Who organizes the meetings of the Forum?" names none of them: it asks what holds for all.
        var generic = NamesNoInstance(q);
        for (var u = 0; u < n; u++)
        {
            var unit = passage.Units[u];
            var parent = unit.Parent;
            var heading = passage.Kind == ChunkKind.Programme && u != 0 ? 0 : -1;
            // The lines of a header (event, date, venue) are about the same thing: each is read with the others.
            var header = passage.Kind == ChunkKind.Header && unit.Kind == UnitKind.Line;
            double score = 0, evidence = 0, strict = 0, own = 0, focusBonus = 0;
            var missesKey = false;
            var keyElsewhere = false;
            var missesFocus = false;
            double verbHere = 1, objectHere = 1;
            for (var c = 0; c < k; c++)
            {
                var concept = concepts[c];
                var cu = unitCoverage[u * k + c];
                var cpar = Math.Max(parent >= 0 ? unitCoverage[parent * k + c] : 0, heading >= 0 ? unitCoverage[c] : 0);
                // The question names this document's event ("the regional consultation"): its title speaks for every passage.
                if (concept.NamesDocument) cpar = Math.Max(cpar, documentCoverage[c]);
                if (header) cpar = Math.Max(cpar, passageCoverage[c]);
                else if (framed) cpar = Math.Max(cpar, contextCoverage[c]);
                else cpar = Math.Max(cpar, sectionCoverage[c]); // a section's heading is about every sentence under it
                var cn = Math.Max(u > 0 ? unitCoverage[(u - 1) * k + c] : 0, u + 1 < n ? unitCoverage[(u + 1) * k + c] : 0);
                var cp = passageCoverage[c];
                var cd = documentCoverage[c];
                score += concept.Weight * Max(cu, 0.8 * cpar, 0.6 * cn, 0.5 * cp, 0.25 * cd);
                if (!concept.Optional)
                {
                    if (concept.Weight >= keyWeight && !concept.Unknown && Max(cu, cpar, cn, cp, cd) == 0) missesKey = true;
                    // In a short question one rare word is much of what is asked: it must be in the passage itself.
                    if (shortQuestion && concept.Weight >= keyWeight && Max(cu, cpar, cn, cp) < 0.5) keyElsewhere = true;
                    evidence += concept.Weight * Max(cu, cpar, cn, cp, 0.8 * cd);
                    strict += concept.Weight * Max(cu, cpar, cn, cp);
                    own += concept.Weight * Math.Max(cu, cpar);
                }
                // "What is the annual budget ...": a fact without the word asked about is about something else.
                if (concept.Focus && !concept.Optional && !concept.FocusVerb && Math.Max(cu, cpar) < 0.5) missesFocus = true;
                if (concept.FocusVerb && !concept.Optional) verbHere = Math.Max(cu, cpar);
                if (concept.Object) objectHere = Math.Max(cu, cpar);
                if (concept.Focus)
                {
                    // The word that says what is asked should be in the unit or the line it hangs from.
                    if (cu >= 0.99) focusBonus += 0.1;
                    else if (Math.Max(cu, cpar) < 0.5) focusBonus -= 0.1;
                }
            }
            score /= total;
            if (score < MinCoverage) continue;
            if (generic && AboutOneInstance(q, unit)) score -= OneInstanceMalus;
            output.Add(new UnitMatch
            {
                Passage = passage, Unit = u, Score = score + 0.08 * bm25 + focusBonus,
                Evidence = Math.Min(1, evidence / total), LocalEvidence = Math.Min(1, strict / total), OwnEvidence = Math.Min(1, own / total),
                MissesKeyConcept = missesKey,
                KeyOutsidePassage = keyElsewhere,
                // "Who covers accommodation?": a name whose line says neither the doing nor what it is about is someone else.
                MissesFocus = missesFocus || (verbHere < 0.5 && objectHere < 0.5),
                ObjectCoverage = objectHere,
            });
        }
    }

    /// <summary>Second pass, for the best-covered units only: does the unit hold an answer of the asked type?</summary>
    public static void AddTypeScore(Question q, UnitMatch match) => match.Score += TypeScore(q, match.Passage, match.Unit, match);

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
                return ListScore(q, passage, u, match.OwnEvidence);
        }

        var bonus = 0.0;
        foreach (var type in q.Types)
        {
            var (entity, value) = BestEntity(q, passage, u, type, match.ObjectCoverage);
            if (entity is null) { bonus -= 0.35 / q.Types.Length; continue; }
            match.Entities.Add(entity);
            // Completeness counts on its own: "10 and 11 July 2007" beats "July 2007" for the same event, and a
            // room (with its building) beats the city for "where".
            // A room, or a place labelled as the venue, is the most specific answer to "where".
            var specific = match.LocalEvidence >= 0.9 && Labelled(q, type, entity) ? 0.25 : 0;
            // A poorer kind (a date for "what time", an office for "who") stays poorer however close it is.
            var malus = Math.Min(0, KindFit(q, type, entity));
            bonus += (0.15 + 0.35 * entity.Quality + 0.15 * Math.Min(1, value) + specific + malus + RoleFit(q, entity, match.ObjectCoverage)) / q.Types.Length;
        }
        return bonus;
    }

    internal static (Entity? Entity, double Score) BestEntity(Question q, IndexedPassage passage, int u, AnswerType type, double objectCoverage = 1)
    {
        var unit = passage.Units[u];
        Entity? best = null;
        var bestScore = double.MinValue;
        var matched = MatchedTokens(q, unit);
        var ownShare = -1.0;
        // "Who organizes X?" over "organized by A, assisted by B": B is the agent of another doing.
        var askedAgent = type == AnswerType.Person && q.Verb is { } askedVerb && !q.AsksForRoleHolder ? AgentOf(unit, askedVerb, q) : null;
        foreach (var e in unit.Entities)
        {
            var kindBonus = KindFit(q, type, e);
            if (kindBonus <= NoFit) continue;
            if (askedAgent is not null && e.Kind == EntityKind.Agent && e.Role is not null && !ReferenceEquals(e, askedAgent)
                && !e.RoleStems.Any(s => Matches(q.Verb!, s))) continue;
            // The day a programme item is on answers for that item, not for the event its heading names.
            if (e.Inferred)
            {
                if (ownShare < 0) ownShare = q.Required.Sum(c => c.Weight * c.Coverage(unit.Literal)) / Math.Max(q.RequiredWeight, 1e-6);
                if (ownShare < 0.5) continue;
            }
            if (MentionedInQuestion(q, e)) continue;
            // "Who is the Director General?": another director general (a deputy) is no answer.
            if (e.Kind == EntityKind.Office && q.Concepts.Any(c => c.Focus && e.Text.Contains(c.Surface, StringComparison.OrdinalIgnoreCase))) continue;
            var s = 0.35 * e.Quality + 0.65 * Proximity(q, unit, matched, e) + kindBonus + Clause(q, unit, matched, e) + Extra(q, type, unit, matched, e, objectCoverage);
            if (s > bestScore) { best = e; bestScore = s; }
        }
        // "How many key questions ...?" over a list of them: the number of its items.
        if (type == AnswerType.Number && ListCount(q, passage, u) is { } count)
        {
            var s = 0.35 * count.Quality + 0.65 * 0.8;
            if (s > bestScore) { best = count; bestScore = s; }
        }
        // "Who covers the travel costs?" -> "The United Nations will cover the travel costs": the verb's subject.
        if (type == AnswerType.Person && q.Verb is { } verb && !q.AsksForRoleHolder && !q.Passive && SubjectOf(unit, verb) is { } subject && !MentionedInQuestion(q, subject))
        {
            var s = 0.35 * subject.Quality + 0.65 + 0.05 + Clause(q, unit, matched, subject);
            if (s > bestScore) { best = subject; bestScore = s; }
        }
        // "Who is X assisted by?", "who organizes X?" -> "X ... organized by the Chair-in-Office, assisted by other members of
        // the Troika": the agent of the asked verb.
        if (type == AnswerType.Person && q.Verb is { } asked && !q.AsksForRoleHolder && AgentOf(unit, asked, q) is { } agent)
        {
            var s = 0.35 * agent.Quality + 0.65 + 0.1 + Clause(q, unit, matched, agent);
            if (s > bestScore) { best = agent; bestScore = s; }
        }
        if (best is { Kind: EntityKind.Time } && (q.Aspect != TimeAspect.None || q.DayPart != DayPart.None))
            best = TimeRanges.Pick(q, unit, best);
        // The most specific venue the sentence gives: its room (the answer then adds the building and city).
        if (type == AnswerType.Place && best is { Kind: EntityKind.Place or EntityKind.Country, Role: null }
            && unit.Entities.FirstOrDefault(e => e.Kind == EntityKind.Room && !MentionedInQuestion(q, e)) is { } room)
            best = room;
        return (best, best is null ? 0 : bestScore);
    }

    /// <summary>The most specific answer of its kind: a room or the labelled venue for "where", "Date: ..." for "when".</summary>
    private static bool Labelled(Question q, AnswerType type, Entity e) => type switch
    {
        AnswerType.Place => e.Kind == EntityKind.Room || e.Role == "venue",
        AnswerType.Date => e.Role == "date" || (q.AsksForDocumentDate && e.Role == Mastheads.Issued),
        AnswerType.Reference => e.Role == Mastheads.Symbol,
        AnswerType.Time => e.Role == "time",
        _ => false,
    };

    /// <summary>The agent of the asked verb in the unit ("organized by the Chair-in-Office"), or null.</summary>
    private static Entity? AgentOf(TextUnit unit, Concept verb, Question q)
    {
        foreach (var e in unit.Entities)
            if (e.Kind == EntityKind.Agent && e.Role is not null && e.RoleStems.Any(s => Matches(verb, s)) && !MentionedInQuestion(q, e)) return e;
        return null;
    }

    /// <summary>The capitalised name just before the verb ("The United Nations will cover"), or null.</summary>
    private static Entity? SubjectOf(TextUnit unit, Concept verb)
    {
        foreach (var t in unit.Tokens)
        {
            // A verb is written in lower case: "Organization" is a name, "organizing" the verb.
            if (!Matches(verb, t.Stem) || !char.IsLower(unit.Text[t.Start])) continue;
            // "..., organized by the Government of Belgium": passive, its agent did it (see AgentOf).
            if (PassiveAfter().IsMatch(unit.Text, t.End)) continue;
            var m = SubjectBefore().Match(unit.Text, 0, t.Start);
            if (!m.Success) continue;
            var g = m.Groups["np"];
            return new Entity(EntityKind.Agent, g.Value, g.Index, g.Index + g.Length, 0.85);
        }
        return null;
    }

    [GeneratedRegex(@"(?:^|[,;:]\s*|\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+)(?<np>[A-Z][\p{L}'’.-]*(?:\s+(?:(?:of|for|and|the|on|de|to)\s+)*[A-Z][\p{L}'’.-]*)*)(?:\s*\([^)]*\))?,?\s+(?:(?:will|shall|would|can|could|may|must|has|have|had|is|are|was|were|also|jointly|currently|already|to|be|been|not)\s+)*$")]
    private static partial Regex SubjectBefore();

    [GeneratedRegex(@"\G\s+(?:(?:jointly|mainly|largely|partly|directly|also|financially)\s+)?by\b")]
    private static partial Regex PassiveAfter();

    private const double NoFit = -1;

    /// <summary><see cref="NoFit"/> when the entity cannot answer this type; else a bonus (or malus) by how well it fits.</summary>
    /// <remarks>"Who is the President ...": only a person's name (or, failing one, an office) answers, not "by the Council".</remarks>
    private static double KindFit(Question q, AnswerType type, Entity e) => (type, e.Kind) switch
    {
        // "Further to my letter of 21 December 2010" is not the date of this letter.
        (AnswerType.Date, EntityKind.Date) => q.AsksForDocumentDate && e.Role == "cited" ? -0.4 : 0,
        (AnswerType.Time, EntityKind.Time) => 0,
        (AnswerType.Time, EntityKind.Date) => q.DateFallback ? -0.25 : NoFit,
        // The most specific venue wins: a room (with its building) says more than a city, a city more than a country.
        (AnswerType.Place, EntityKind.Room) => 0.35,
        (AnswerType.Place, EntityKind.Place) => e.Role == "address" ? 0.15 : 0,
        (AnswerType.Place, EntityKind.Country) => -0.1,
        (AnswerType.Person, EntityKind.Person) => 0.1,
        // "Who is the chair of X?": an organisation answers when the text gives it that role ("UNHCR, as current Chair of X",
        // "chaired by WHO"); an agent of another doing does not.
        (AnswerType.Person, EntityKind.Agent) => q.AsksForRoleHolder ? (HoldsAskedRole(q, e) ? 0 : NoFit) : 0.05,
        (AnswerType.Person, EntityKind.Office) => q.AsksForNamedHolder ? NoFit : -0.1,
        // "Who is organizing ...", "who funds ...": an organisation answers, but not "who is the Chair".
        (AnswerType.Person, EntityKind.Organisation) => q.AsksForRoleHolder ? (HoldsAskedRole(q, e) ? 0 : NoFit) : HoldsAskedRole(q, e) ? 0 : -0.05,
        (AnswerType.Phone, EntityKind.Phone) => 0,
        (AnswerType.Email, EntityKind.Email) => 0,
        (AnswerType.Reference, EntityKind.Reference) => 0,
        (AnswerType.Frequency, EntityKind.Frequency) => 0,
        (AnswerType.Duration, EntityKind.Duration) => 0,
        (AnswerType.Duration, EntityKind.Time) => e.To >= 0 ? -0.05 : NoFit, // "15:00 – 17:40" says how long
        // "When is the opening?": a programme item is answered by its time (with its day).
        (AnswerType.Date, EntityKind.Time) => e.To >= 0 ? -0.15 : NoFit,
        (AnswerType.Organisation, EntityKind.Organisation) => 0.05,
        (AnswerType.Organisation, EntityKind.Agent) => 0.1,
        (AnswerType.Number, EntityKind.Number) => 0,
        (AnswerType.Amount, EntityKind.Amount) => 0.1,
        (AnswerType.Amount, EntityKind.Number) => e.Text.Contains("million") || e.Text.Contains("billion") || e.Text.Contains("per") || e.Text.Contains('%') ? 0 : NoFit,
        (AnswerType.Quote, EntityKind.Quote) => 0,
        (AnswerType.Language, EntityKind.Language) => 0,
        (AnswerType.Country, EntityKind.Country) => 0,
        _ => NoFit,
    };

    /// <summary>The entity's role (its label, its titles, the doing it is the agent of) holds the word that says what is asked.</summary>
    private static bool HoldsAskedRole(Question q, Entity e)
    {
        if (e.Role is null) return false;
        foreach (var c in q.Concepts)
            if (c.Focus && c.AllStems.Any(e.RoleStems.Contains)) return true;
        return false;
    }

    /// <summary>Don't answer with what was asked: "by 15 July 2008" in the question is not the answer.</summary>
    private static bool MentionedInQuestion(Question q, Entity e) =>
        e.Folded.Length > 2 && q.Folded.Contains(e.Folded, StringComparison.Ordinal);

    /// <summary>The unit's tokens that match a question concept, with the concept's index (one pass per unit).</summary>
    private static List<(StemToken Token, int Concept)> MatchedTokens(Question q, TextUnit unit)
    {
        var list = new List<(StemToken, int)>();
        foreach (var t in unit.Tokens)
            if (q.ConceptsByStem.TryGetValue(t.Stem, out var concepts))
                foreach (var c in concepts) list.Add((t, c));
        return list;
    }

    /// <summary>Weighted nearness of the question's words in the unit to the entity (anchors and focus count most).</summary>
    private static double Proximity(Question q, TextUnit unit, List<(StemToken Token, int Concept)> matched, Entity e)
    {
        // Found from the unit's surroundings (the day a programme item is on): near nothing in particular.
        if (e.Inferred) return 0.6;
        if (matched.Count == 0) return unit.Kind == UnitKind.Line ? 0.7 : 0; // a header or programme line is about its heading
        var (from, to) = ClauseAround(unit, e.Start);
        Span<double> nearest = stackalloc double[q.Concepts.Count];
        nearest.Fill(-1);
        foreach (var (t, c) in matched)
        {
            var gap = t.End <= e.Start ? e.Start - t.End : t.Start >= e.End ? t.Start - e.End : 0;
            if (t.Start < from || t.End > to) gap += 50; // another clause states another fact
            nearest[c] = Math.Max(nearest[c], Math.Exp(-gap / 35.0));
        }
        double near = 0, total = 0;
        for (var c = 0; c < nearest.Length; c++)
        {
            if (nearest[c] < 0) continue;
            near += q.Concepts[c].AnchorWeight * nearest[c];
            total += q.Concepts[c].AnchorWeight;
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
    private static double Clause(Question q, TextUnit unit, List<(StemToken Token, int Concept)> matched, Entity e)
    {
        var (from, to) = ClauseAround(unit, e.Start);
        var inClause = new HashSet<int>();
        var inUnit = new HashSet<int>();
        foreach (var (t, c) in matched)
        {
            if (!q.Concepts[c].Constraint) continue;
            inUnit.Add(c);
            if (t.Start >= from && t.End <= to) inClause.Add(c);
        }
        return inUnit.Count == 0 ? 0 : 0.3 * inClause.Count / inUnit.Count;
    }

    private static (int From, int To) ClauseAround(TextUnit unit, int position)
    {
        var from = 0;
        var to = unit.Text.Length;
        foreach (var (start, end) in unit.ClauseBreaks)
        {
            if (end <= position) from = end;
            else if (start >= position) { to = start; break; }
        }
        return (from, to);
    }

    /// <summary>Where one clause ends and the next begins (";", ", and Argentina ..."), found once per unit at index time.</summary>
    internal static (int Start, int End)[] ClauseBreaks(string text) =>
        ClauseBreak().Matches(text).Where(m => !IsLabelColon(text, m)).Select(m => (m.Index, m.Index + m.Length)).ToArray();

    /// <summary>"Chair: Dr. Khalid Koser": the colon after a short label joins the label to its value.</summary>
    private static bool IsLabelColon(string text, System.Text.RegularExpressions.Match m) =>
        m.Value == ":" && m.Index <= 40 && LabelBefore().IsMatch(text.AsSpan(0, m.Index));

    private static double Extra(Question q, AnswerType type, TextUnit unit, List<(StemToken Token, int Concept)> matched, Entity e, double objectCoverage)
    {
        var bonus = 0.0;
        if (type == AnswerType.Number)
        {
            // "How many Member States": the counted noun follows the number.
            foreach (var (t, c) in matched)
            {
                if (t.Start < e.End || t.Start > e.End + 30 || !q.Concepts[c].Focus) continue;
                bonus += 0.4;
                break;
            }
        }
        return bonus + RoleFit(q, e, objectCoverage);
    }

    /// <summary>The entity's label says what is asked: "Chair: X" for "who chairs", "Fax: ..." for "which fax number".</summary>
    /// <remarks>A label ("Chair: X") says more than a word in a person's titles ("Founder and Chair, Department of ...").</remarks>
    private static double RoleFit(Question q, Entity e, double objectCoverage)
    {
        if (e.Role is null) return 0;
        var roles = e.RoleStems;
        var fit = 0.0;
        if (q.Concepts.Any(c => c.Focus && c.Alternatives[0].Stems.Any(roles.Contains))) fit = e.RoleFromLine ? 0.2 : 0.3;
        else if (q.Concepts.Any(c => c.Focus && c.AllStems.Any(roles.Contains))) fit = 0.15; // a synonym ("Chair:" for "moderates")
        if (fit == 0) return 0;
        // "Who chairs the steering committee?": the chair of something else (neither the role nor the line names it) is not asked.
        if (objectCoverage < 0.5 && q.Concepts.FirstOrDefault(c => c.Object) is { } obj && obj.Coverage(roles) < 0.5) return 0;
        // The question's other words in the role: "Chair of the Global Migration Group" for "who chairs the GMG".
        var others = q.Concepts.Count(c => !c.Focus && !c.Optional && c.Coverage(roles) >= 0.99);
        return fit + Math.Min(0.2, 0.1 * others);
    }

    [GeneratedRegex(@"[;:]|,?\s+(?:and|but|while|whereas)\s+(?=[A-Z])|\s[–—]\s")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"^[A-Z][\w'’ -]{0,38}$")]
    private static partial Regex LabelBefore();
}
