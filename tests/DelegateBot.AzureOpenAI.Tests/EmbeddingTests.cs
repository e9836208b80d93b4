using DelegateBot.AzureOpenAI.Embeddings;
using DelegateBot.Core.Knowledge;
using DelegateBot.Core.Knowledge.Index;
using Microsoft.Extensions.DependencyInjection;

namespace DelegateBot.AzureOpenAI.Tests;

/// <summary>Passage vectors from the embedding deployment, cached in SQLite; retrieval fuses BM25 and vectors.</summary>
public sealed class EmbeddingTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();
    private readonly string _cacheFile;

    public EmbeddingTests() => _cacheFile = Path.Combine(_knowledge.Folder + "-data", "embeddings.db");

    public void Dispose()
    {
        _knowledge.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path.GetDirectoryName(_cacheFile)!, recursive: true); } catch (IOException) { }
    }

    private ServiceProvider Build(ScriptedOpenAIServer server, LogSink? logs = null) => _knowledge.Build(server, logs, extra: new Dictionary<string, string?>
    {
        ["AzureOpenAI:EmbeddingDeployment"] = ScriptedOpenAIServer.EmbeddingDeployment,
        ["AzureOpenAI:EmbeddingCacheFile"] = _cacheFile,
    });

    [Fact]
    public async Task Unchanged_passages_are_never_embedded_twice_across_reindexing_and_restarts()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        int total;
        using (var sp = Build(server))
        {
            var hybrid = Assert.IsType<HybridPassageSearch>(sp.GetRequiredService<IPassageSearch>());
            Assert.True(await hybrid.RefreshAsync());
            total = hybrid.AllPassages.Select(p => p.Text).Distinct().Count();
            Assert.True(total > HybridPassageSearch.BatchSize, $"the seed documents make {total} passages");
            Assert.Equal(total, server.EmbeddingRequests.Sum(r => r.Length));
            Assert.All(server.EmbeddingRequests, r => Assert.InRange(r.Length, 1, HybridPassageSearch.BatchSize));

            // Re-index after one document changed: only its new passage goes to the service.
            var before = server.EmbeddingRequests.Count;
            File.AppendAllText(Path.Combine(_knowledge.Folder, "delegate-services.txt"),
                "\n\nInterpretation booths are on the third floor, above the delegate lounge.\n");
            var index = sp.GetRequiredService<KnowledgeIndex>();
            var version = index.Version;
            index.Refresh(force: true);
            Assert.NotEqual(version, hybrid.Version);
            Assert.True(await hybrid.RefreshAsync());
            var sent = server.EmbeddingRequests.Skip(before).SelectMany(r => r).ToArray();
            Assert.NotEmpty(sent);
            Assert.True(sent.Length <= 2, "only the changed passage(s): " + string.Join(" | ", sent));
            Assert.Contains(sent, t => t.Contains("Interpretation booths", StringComparison.Ordinal));
        }

        // A restart over the same cache file embeds nothing.
        var requests = server.EmbeddingRequests.Count;
        using (var sp = Build(server))
        {
            var hybrid = Assert.IsType<HybridPassageSearch>(sp.GetRequiredService<IPassageSearch>());
            Assert.True(await hybrid.RefreshAsync());
        }
        Assert.Equal(requests, server.EmbeddingRequests.Count);
    }

    [Fact]
    public async Task A_rebuild_of_the_index_embeds_the_changed_passage_without_a_query()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        using var sp = Build(server);
        var hybrid = Assert.IsType<HybridPassageSearch>(sp.GetRequiredService<IPassageSearch>());
        Assert.True(await hybrid.RefreshAsync());

        File.AppendAllText(Path.Combine(_knowledge.Folder, "delegate-services.txt"), "\n\nThe cloakroom is next to the Pregny gate.\n");
        sp.GetRequiredService<KnowledgeIndex>().Refresh(force: true);

        // The run started by the Rebuilt event is the one in flight (or done); nothing here asks for it.
        for (var i = 0; i < 200 && !server.EmbeddingRequests.SelectMany(r => r).Any(t => t.Contains("cloakroom", StringComparison.Ordinal)); i++)
            await Task.Delay(50);
        Assert.Contains(server.EmbeddingRequests.SelectMany(r => r), t => t.Contains("cloakroom", StringComparison.Ordinal));
        Assert.True(await hybrid.RefreshAsync());
        Assert.Single(server.EmbeddingRequests.SelectMany(r => r), t => t.Contains("cloakroom", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_fuses_bm25_and_vector_ranks_and_embeds_the_query()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        using var sp = Build(server);
        var hybrid = Assert.IsType<HybridPassageSearch>(sp.GetRequiredService<IPassageSearch>());
        Assert.True(await hybrid.RefreshAsync());
        var requests = server.EmbeddingRequests.Count;

        var hits = hybrid.Search("Where is the delegate lounge?", 5);

        Assert.Equal(5, hits.Count);
        Assert.Equal(requests + 1, server.EmbeddingRequests.Count);   // the query, once
        Assert.Equal(["Where is the delegate lounge?"], server.EmbeddingRequests.Last());
        Assert.Contains(hits, h => h.Passage.Text.Contains("C-204", StringComparison.Ordinal));
        // RRF scores: at most 2/(60+1) when first in both rankings, descending.
        Assert.All(hits, h => Assert.InRange(h.Score, 0f, 2f / 61 + 1e-6f));
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.Passage.Id), hits.Select(h => h.Passage.Id));
    }

    [Fact]
    public async Task When_the_embedding_service_fails_search_is_bm25()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.EmbeddingFailure = 503;
        var logs = new LogSink();
        using var sp = Build(server, logs);
        var hybrid = Assert.IsType<HybridPassageSearch>(sp.GetRequiredService<IPassageSearch>());

        var hits = hybrid.Search("Where is the delegate lounge?", 5);

        var bm25 = sp.GetRequiredService<KnowledgeIndex>().Search("Where is the delegate lounge?", 5);
        Assert.Equal(bm25.Select(h => h.Passage.Id), hits.Select(h => h.Passage.Id));
        Assert.Contains(logs.Lines, l => l.Contains("Embedding passages failed", StringComparison.Ordinal) && l.Contains("503", StringComparison.Ordinal));
    }

    [Fact]
    public void Rank_fusion_rewards_agreement_between_rankings()
    {
        static Passage P(string id) => new(id, "s.txt", "Doc", "paragraph " + id, "text " + id);
        var fused = RankFusion.Fuse([[P("a"), P("b"), P("c")], [P("d"), P("b"), P("e")]], top: 4);

        // b is 2nd in both (2/62) and beats a and d, each first in only one ranking (1/61); ties keep first-seen order.
        Assert.Equal(["b", "a", "d", "c"], fused.Select(h => h.Passage.Id));
        Assert.Equal(2.0 / 62, fused[0].Score, 5);
        Assert.Equal(1.0 / 61, fused[1].Score, 5);
        Assert.Equal(1.0 / 63, fused[3].Score, 5);
    }
}
