using DelegateBot.Core.Knowledge;
using Microsoft.Extensions.Logging;
using OpenAI.Embeddings;

namespace DelegateBot.AzureOpenAI.Embeddings;

/// <summary>
/// BM25 and vector similarity fused by reciprocal rank fusion. Passages are embedded when the index version
/// changes (only those whose text is not in the cache, in batches); until vectors exist, or when the embedding
/// service fails, search is plain BM25, so retrieval never depends on the cloud being up.
/// </summary>
public sealed class HybridPassageSearch(
    IPassageSearch lexical,
    EmbeddingClient client,
    string deployment,
    EmbeddingCache cache,
    TimeSpan timeout,
    TimeProvider time,
    ILogger<HybridPassageSearch> logger) : IPassageSearch, IDisposable
{
    internal const int BatchSize = 32;
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private VectorSet? _vectors;
    private Task<VectorSet?>? _refresh;
    private DateTimeOffset _failedAt = DateTimeOffset.MinValue;

    public IReadOnlyList<Passage> AllPassages => lexical.AllPassages;

    public long Version => lexical.Version;

    public IReadOnlyList<ScoredPassage> Search(string query, int top)
    {
        var candidates = Math.Max(top * 4, 24);
        var bm25 = lexical.Search(query, candidates);
        var vectors = CurrentVectors();
        if (vectors is null || vectors.Passages.Length == 0) return bm25.Take(top).ToArray();

        float[] q;
        try
        {
            using var cts = new CancellationTokenSource(timeout, time);
            q = Normalize(client.GenerateEmbedding(query, null, cts.Token).Value.ToFloats().ToArray());
        }
        catch (Exception e)
        {
            logger.LogWarning("Query embedding failed ({Reason}); searching with BM25 only.", LlmAnswerService.Describe(e));
            return bm25.Take(top).ToArray();
        }
        var semantic = Enumerable.Range(0, vectors.Passages.Length)
            .Select(i => (i, Score: Dot(q, vectors.Vectors[i])))
            .OrderByDescending(x => x.Score).Take(candidates)
            .Select(x => vectors.Passages[x.i]).ToArray();
        return RankFusion.Fuse([bm25.Select(h => h.Passage).ToArray(), semantic], top);
    }

    /// <summary>Embeds what the current index version lacks (joining a run under way); false when the service failed.</summary>
    public async Task<bool> RefreshAsync() => await StartRefresh(force: true)! is not null;

    /// <summary>One run: embeds until the vectors match the index version (a rebuild during the run goes again).</summary>
    private async Task<VectorSet?> RunAsync()
    {
        while (true)
        {
            var set = await EmbedCurrentAsync(CancellationToken.None);
            if (set is null || set.Version == lexical.Version) return set;
        }
    }

    private async Task<VectorSet?> EmbedCurrentAsync(CancellationToken cancellationToken)
    {
        var version = lexical.Version;
        var passages = lexical.AllPassages.ToArray();
        var keys = passages.Select(p => EmbeddingCache.Key(deployment, p.Text)).ToArray();
        var missing = keys.Zip(passages).Where(x => cache.Get(x.First) is null)
            .DistinctBy(x => x.First).ToArray();
        try
        {
            foreach (var batch in missing.Chunk(BatchSize))
            {
                using var budget = new CancellationTokenSource(timeout, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
                var result = await client.GenerateEmbeddingsAsync(batch.Select(x => x.Second.Text), null, linked.Token);
                cache.Put(result.Value.Select(e => (batch[e.Index].First, e.ToFloats().ToArray())));
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Embedding passages failed ({Reason}); searching with BM25 only for now.", LlmAnswerService.Describe(e));
            lock (_gate) _failedAt = time.GetUtcNow();
            return null;
        }
        var vectors = keys.Select(k => cache.Get(k)).ToArray();
        var usable = Enumerable.Range(0, passages.Length).Where(i => vectors[i] is not null).ToArray();
        var set = new VectorSet(version, usable.Select(i => passages[i]).ToArray(), usable.Select(i => Normalize(vectors[i]!)).ToArray());
        lock (_gate) _vectors = set;
        if (missing.Length > 0) logger.LogInformation("Embedded {Count} new or changed passages with {Deployment}.", missing.Length, deployment);
        return set;
    }

    /// <summary>The vectors of the current index version, refreshing (bounded by the timeout) when it changed.</summary>
    private VectorSet? CurrentVectors()
    {
        lock (_gate)
            if (_vectors is { } v && v.Version == lexical.Version) return v;
        if (StartRefresh() is not { } refresh) return null;
        // A first, large embedding run continues in the background; this query does not wait for all of it.
        return refresh.Wait(timeout) ? refresh.Result is { } set && set.Version == lexical.Version ? set : null : null;
    }

    /// <summary>
    /// Starts embedding the current index version in the background unless a run is under way or the service
    /// failed less than a minute ago. Called when the index is rebuilt and by a search that finds no vectors.
    /// </summary>
    public Task<VectorSet?>? StartRefresh(bool force = false)
    {
        lock (_gate)
        {
            if (_refresh is null || _refresh.IsCompleted)
            {
                if (!force && time.GetUtcNow() - _failedAt < RetryAfterFailure) return null;
                _refresh = Task.Run(RunAsync);
            }
            return _refresh;
        }
    }

    /// <summary>At shutdown, lets a run under way finish its current batch (bounded) before the cache closes.</summary>
    public void Dispose()
    {
        Task? run;
        lock (_gate) run = _refresh;
        try { run?.Wait(timeout); } catch (AggregateException) { }
    }

    private static float[] Normalize(float[] v)
    {
        var norm = MathF.Sqrt(Dot(v, v));
        if (norm > 0) for (var i = 0; i < v.Length; i++) v[i] /= norm;
        return v;
    }

    // Vectors of one deployment share a dimension; a mismatch (a corrupt row) simply does not match.
    private static float Dot(float[] a, float[] b) =>
        a.Length == b.Length ? System.Numerics.Tensors.TensorPrimitives.Dot<float>(a, b) : 0f;

    public sealed record VectorSet(long Version, Passage[] Passages, float[][] Vectors);
}
