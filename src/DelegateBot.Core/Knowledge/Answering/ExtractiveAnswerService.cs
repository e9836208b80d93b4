using System.Text;
using DelegateBot.Core.Knowledge.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;

namespace DelegateBot.Core.Knowledge.Answering;

/// <summary>
/// Answers from the documents without a language model: BM25 retrieves passages, every sentence/line of them is
/// scored for how much of the question it (and its context) covers and whether it holds an answer of the asked
/// type, and the short answer (a date, a name, a room, a number, a list) is cut from the best one. When the
/// question's content is not covered by the documents the service says so instead of guessing.
/// </summary>
public sealed class ExtractiveAnswerService(KnowledgeIndex index, IOptions<KnowledgeOptions> options) : IAnswerService
{
    /// <summary>Below this share of the question's (weighted) content found in the supporting text: not found.</summary>
    internal const double EvidenceThreshold = 0.6;

    /// <summary>How many of the best-covered units are examined for a typed answer.</summary>
    private const int TypedCandidates = 60;

    private readonly int _candidatePassages = Math.Max(4, options.Value.CandidatePassages);

    public Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Ask(request.Text));

    public Answer Ask(string question)
    {
        var text = (question ?? "").Trim();
        var snapshot = index.Current;
        if (text.Length == 0)
            return NotFound(text, "Please ask a question about the meeting documents.", []);
        if (snapshot.PassageCount == 0)
            return NotFound(text, $"No meeting documents are loaded (folder: {index.FolderPath}), so I cannot answer yet.", []);

        var q = QuestionAnalyzer.Analyze(text, snapshot);
        var hits = Retrieve(snapshot, q);
        if (!q.Required.Any() || hits.Count == 0)
            return NotFound(text, "I could not find this in the meeting documents.", Suggestions(hits));

        var all = Rank(q, snapshot, hits);
        // Never guess: the best candidate that the documents back is the answer; with none, say so.
        var best = all.FirstOrDefault(m => Answers(q, m));
        if (best is null)
            return NotFound(text, "I could not find this in the meeting documents.", Suggestions(hits));

        AnswerComposer.Complete(q, best);
        var alternative = FindAlternative(q, best, all);
        return Compose(text, best, alternative);
    }

    /// <summary>
    /// Whether a candidate may answer: its text (and context) covers the question, it holds a fact of the asked kind
    /// (a date for "when", a name for "who"), and it names the thing a definition is asked for.
    /// </summary>
    private static bool Answers(Question q, UnitMatch m) =>
        m.Evidence >= EvidenceThreshold
        // The question's rarest words must be found at least somewhere in the answer's document ("visa").
        && !m.MissesKeyConcept
        // With no fact of a kind to check, the question's words must meet in the passage itself, not only in its document.
        && (q.Primary != AnswerType.Sentence || (m.LocalEvidence >= EvidenceThreshold && !m.KeyOutsidePassage))
        && (!q.NeedsEntity || (m.Entities.Count > 0 && !m.MissesFocus))
        && (q.Primary != AnswerType.Definition || UnitScorer.Defines(q, m.TextUnit));

    /// <summary>The scored candidates for a question, best first (for diagnostics and tests).</summary>
    internal IReadOnlyList<UnitMatch> Candidates(string question)
    {
        var snapshot = index.Current;
        var q = QuestionAnalyzer.Analyze(question, snapshot);
        var hits = Retrieve(snapshot, q);
        return hits.Count == 0 ? [] : Rank(q, snapshot, hits);
    }

    private static List<UnitMatch> Rank(Question q, KnowledgeSnapshot snapshot, List<(IndexedPassage Passage, float Score)> hits)
    {
        var maxHit = hits[0].Score;
        var all = new List<UnitMatch>();
        foreach (var (passage, score) in hits)
            UnitScorer.ScorePassage(q, snapshot, passage, score / maxHit, all);
        // Typed answers are looked for only in the best-covered units: coverage decides far more than type.
        all.Sort((a, b) => b.Score.CompareTo(a.Score));
        if (all.Count > TypedCandidates) all.RemoveRange(TypedCandidates, all.Count - TypedCandidates);
        foreach (var m in all) UnitScorer.AddTypeScore(q, m);
        PreferLatest(q, snapshot, all);
        var ranked = all.OrderByDescending(m => m.Score).ToList(); // stable: ties keep their coverage order
        FirstOrLastItem(q, ranked);
        return ranked;
    }

    /// <summary>
    /// "Who chairs the GMG?" (now, no year given): of the holders of the role the documents name, the latest document's.
    /// A question with a year is answered from that year's document (see the constraint filters).
    /// </summary>
    private static void PreferLatest(Question q, KnowledgeSnapshot snapshot, List<UnitMatch> all)
    {
        if (!q.CurrentRole) return;
        int min = int.MaxValue, max = 0;
        foreach (var m in all)
        {
            if (m.Entities.Count == 0 || m.Entities[0].Role is null) continue;
            var year = snapshot.DocumentYears[m.Passage.DocumentIndex];
            if (year == 0) continue;
            min = Math.Min(min, year);
            max = Math.Max(max, year);
        }
        if (max <= min) return;
        foreach (var m in all)
            if (m.Entities.Count > 0 && m.Entities[0].Role is not null && snapshot.DocumentYears[m.Passage.DocumentIndex] is var year && year > 0)
                m.Score += 0.2 * (year - min) / (max - min);
    }

    /// <summary>
    /// "When does the hearing finish?": items of one programme that the question fits alike (it names the event, not an
    /// item) — the last of them ends it, the first starts it.
    /// </summary>
    private static void FirstOrLastItem(Question q, List<UnitMatch> ranked)
    {
        if (q.Aspect == TimeAspect.None || q.Primary != AnswerType.Time || ranked.Count < 2) return;
        var best = ranked[0];
        if (best.Passage.Kind != ChunkKind.Programme || best.Unit != 0) return;
        UnitMatch? pick = null;
        foreach (var m in ranked)
        {
            if (m.Score < best.Score - 0.01) break;
            if (m.Unit != 0 || m.Passage.Kind != ChunkKind.Programme || m.Passage.DocumentIndex != best.Passage.DocumentIndex
                || !ReferenceEquals(m.Passage.LeadStems, best.Passage.LeadStems)) continue;
            if (pick is null || (q.Aspect == TimeAspect.End ? m.Passage.Ordinal > pick.Passage.Ordinal : m.Passage.Ordinal < pick.Passage.Ordinal)) pick = m;
        }
        if (pick is null || pick == best) return;
        ranked.Remove(pick);
        ranked.Insert(0, pick);
    }

    private List<(IndexedPassage Passage, float Score)> Retrieve(KnowledgeSnapshot snapshot, Question q)
    {
        var query = new BooleanQuery();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in q.Concepts)
        {
            foreach (var alt in c.Alternatives)
            {
                // A name written out ("International Organization for Migration") counts most where it stands whole.
                if (alt.Whole && alt.Stems.All(s => snapshot.DocumentFrequency(s) > 0))
                {
                    var phrase = new PhraseQuery { Slop = 2, Boost = (float)c.Weight };
                    foreach (var stem in alt.Stems) phrase.Add(new Term("text", stem));
                    query.Add(phrase, Occur.SHOULD);
                }
                foreach (var stem in alt.Stems)
                {
                    if (!seen.Add(stem) || snapshot.DocumentFrequency(stem) == 0) continue;
                    var boost = (float)(c.Weight * alt.Factor / alt.Stems.Length);
                    query.Add(new TermQuery(new Term("text", stem)) { Boost = boost }, Occur.SHOULD);
                    query.Add(new TermQuery(new Term("context", stem)) { Boost = boost * 0.6f }, Occur.SHOULD);
                    query.Add(new TermQuery(new Term(KnowledgeSnapshot.ImpliedField, stem)) { Boost = boost * 0.6f }, Occur.SHOULD);
                }
            }
        }
        if (query.Clauses.Count == 0) return [];
        // Among passages about the same thing, those holding a fact of the asked kind come first.
        var typeBoost = (float)(0.5 * q.Concepts.Where(c => !c.Optional).Select(c => c.Weight).DefaultIfEmpty(1).Average());
        foreach (var kind in AnswerKinds.For(q.Primary))
        {
            query.Add(new TermQuery(new Term(AnswerKinds.Field, kind)) { Boost = typeBoost }, Occur.SHOULD);
            typeBoost *= 0.5f;
        }
        // One long document (a constitution saying "Director General" forty times) must not crowd out the one
        // line of another that answers: no document gets more than half of the candidates.
        var perDocument = new Dictionary<int, int>();
        var cap = (_candidatePassages + 1) / 2;
        var hits = new List<(IndexedPassage, float)>(_candidatePassages);
        foreach (var h in snapshot.Searcher.Search(query, _candidatePassages + _candidatePassages / 2).ScoreDocs)
        {
            var passage = snapshot.PassageOfHit(h.Doc);
            var taken = perDocument.GetValueOrDefault(passage.DocumentIndex);
            if (taken >= cap) continue;
            perDocument[passage.DocumentIndex] = taken + 1;
            hits.Add((passage, h.Score));
            if (hits.Count == _candidatePassages) break;
        }
        return hits;
    }

    /// <summary>A second event that fits as well (two panels, two seminars): named so the delegate can pick.</summary>
    private static UnitMatch? FindAlternative(Question q, UnitMatch best, List<UnitMatch> all)
    {
        if (best.Short is null || q.Primary is AnswerType.Sentence or AnswerType.Definition or AnswerType.List) return null;
        // Another event: a programme item of the same kind, or a passage of another document, that covers the
        // question as well as the best one does in its own passage.
        var rival = all.Where(m => m.Passage != best.Passage && m.Passage.Label != best.Passage.Label && Answers(q, m)
                                   && m.Passage.Kind == best.Passage.Kind
                                   && (m.Passage.Kind == ChunkKind.Programme || m.Passage.DocumentIndex != best.Passage.DocumentIndex)
                                   && m.Score >= best.Score * 0.93 && m.LocalEvidence >= best.LocalEvidence - 0.01
                                   && m.OwnEvidence >= best.OwnEvidence - 0.05)
            .OrderByDescending(m => m.Score).FirstOrDefault();
        if (rival is null) return null;
        AnswerComposer.Complete(q, rival);
        if (rival.Short is null || QuestionAnalyzer.Fold(rival.Short) == QuestionAnalyzer.Fold(best.Short)) return null;
        return rival;
    }

    private static Answer Compose(string question, UnitMatch best, UnitMatch? alternative)
    {
        var support = SupportText(best);
        var shortAnswer = best.Short ?? support;
        var sb = new StringBuilder(shortAnswer);
        if (!support.Equals(shortAnswer, StringComparison.Ordinal)) sb.Append(" — ").Append(support);
        string? alternativeText = null;
        var citations = new List<Citation> { Cite(best, best.ExcerptUnits.Count > 0 ? AnswerComposer.Render(best.Passage, best.ExcerptUnits) : support) };
        if (alternative is not null)
        {
            alternativeText = $"{alternative.Passage.Label}: {alternative.Short}";
            sb.Append($" (Another match: {alternativeText}.)");
            citations.Add(Cite(alternative, SupportText(alternative)));
        }
        return new Answer(question, true, sb.ToString(), citations, [])
        {
            Support = support,
            Alternative = alternativeText,
        };
    }

    private static Citation Cite(UnitMatch m, string excerpt)
    {
        var p = m.Passage;
        // A line of a programme means little without its programme line ("Chair: ..." of which panel?).
        if (p.Kind == ChunkKind.Programme && m.Unit != 0 && !excerpt.StartsWith(p.Units[0].Text, StringComparison.Ordinal))
            excerpt = p.Units[0].Text + "\n" + excerpt;
        return new Citation(p.Passage.DocumentTitle, p.Passage.Location, excerpt) { Source = p.Passage.Source };
    }

    private static string SupportText(UnitMatch m) =>
        AnswerComposer.Render(m.Passage, m.SupportUnits.Count > 0 ? m.SupportUnits : [m.Unit]);

    private static Answer NotFound(string question, string message, IReadOnlyList<string> suggestions)
    {
        var text = suggestions.Count == 0 ? message : $"{message} Closest topics: {string.Join("; ", suggestions)}.";
        return new Answer(question, false, text, [], suggestions);
    }

    /// <summary>The closest topics: labels of the best-matching passages (programme items, sections, documents).</summary>
    private static IReadOnlyList<string> Suggestions(List<(IndexedPassage Passage, float Score)> hits) =>
        hits.Select(h => h.Passage.Label == h.Passage.Passage.DocumentTitle
                ? $"{h.Passage.Passage.DocumentTitle} ({h.Passage.Passage.Location})"
                : $"{h.Passage.Label} ({h.Passage.Passage.DocumentTitle})")
            .Distinct().Take(3).ToArray();
}
