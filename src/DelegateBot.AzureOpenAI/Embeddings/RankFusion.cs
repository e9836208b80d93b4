using DelegateBot.Core.Knowledge;

namespace DelegateBot.AzureOpenAI.Embeddings;

/// <summary>Reciprocal rank fusion: score = sum over rankings of 1 / (k + rank), rank from 1. Robust to score scales.</summary>
public static class RankFusion
{
    public const int K = 60;

    public static IReadOnlyList<ScoredPassage> Fuse(IReadOnlyList<IReadOnlyList<Passage>> rankings, int top, int k = K)
    {
        var scores = new Dictionary<string, (Passage Passage, double Score, int FirstSeen)>();
        var order = 0;
        foreach (var ranking in rankings)
            for (var i = 0; i < ranking.Count; i++)
            {
                var p = ranking[i];
                var add = 1.0 / (k + i + 1);
                scores[p.Id] = scores.TryGetValue(p.Id, out var s) ? (s.Passage, s.Score + add, s.FirstSeen) : (p, add, order++);
            }
        return scores.Values.OrderByDescending(s => s.Score).ThenBy(s => s.FirstSeen).Take(top)
            .Select(s => new ScoredPassage(s.Passage, (float)s.Score)).ToArray();
    }
}
