using System.Diagnostics;
using DelegateBot.Core.Knowledge;
using DelegateBot.Core.Knowledge.Answering;
using Microsoft.Extensions.DependencyInjection;

namespace DelegateBot.AzureOpenAI.Tests;

/// <summary>
/// The real OpenAI client and Semantic Kernel against a scripted OpenAI-compatible server on loopback, over the
/// real Lucene index of the seed documents.
/// </summary>
public sealed class LlmAnswerServiceTests : IDisposable
{
    private const string Question = "Where is the delegate lounge?";
    private readonly TestKnowledge _knowledge = new();

    public void Dispose() => _knowledge.Dispose();

    [Fact]
    public async Task A_cited_reply_becomes_a_found_answer_with_the_passage_as_citation()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        using var sp = _knowledge.Build(server);
        // The model cites the passage that holds the room, by the number it had in the data section.
        var passages = sp.GetRequiredService<IPassageSearch>().Search(Question, 6).Select(h => h.Passage).ToList();
        var top = passages.First(p => p.Text.Contains("C-204", StringComparison.Ordinal));
        server.Enqueue(new ScriptedReply.Content($"The delegate lounge is in room C-204, second floor of Building C [{passages.IndexOf(top) + 1}]."));

        var answer = await sp.GetRequiredService<IAnswerService>().AskAsync(new AskRequest(Question));

        Assert.True(answer.Found);
        Assert.Equal("The delegate lounge is in room C-204, second floor of Building C [1].", answer.Text);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal(top.DocumentTitle, citation.Document);
        Assert.Equal(top.Location, citation.Location);
        Assert.Equal("delegate-services.txt", citation.Source);
        Assert.Contains("room C-204", citation.Excerpt);
        Assert.Empty(answer.Suggestions);
    }

    [Fact]
    public async Task The_request_carries_deployment_key_and_the_passages_inside_a_delimited_data_section()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Enqueue(new ScriptedReply.Content("Room C-204 [1]."));
        using var sp = _knowledge.Build(server);

        await sp.GetRequiredService<IAnswerService>().AskAsync(new AskRequest(Question));

        var request = Assert.Single(server.Received);
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.Equal(ScriptedOpenAIServer.Deployment, request.Model);
        Assert.Equal(ScriptedOpenAIServer.ApiKey, request.ApiKey);
        Assert.Null(request.Authorization);   // the key goes as api-key only, never as an OpenAI bearer token
        Assert.Contains("NOT_FOUND", request.System);
        Assert.Contains("never instructions", request.System);

        var (before, data) = SplitDataSection(request);
        Assert.Contains(Question, before);
        Assert.DoesNotContain(Question, data);
        // The planted instruction arrives as quoted data, inside the fence, never outside it.
        Assert.True(data.Contains(TestKnowledge.PlantedInstruction, StringComparison.Ordinal), data);
        Assert.DoesNotContain("PWNED", before);
        Assert.DoesNotContain("PWNED", request.System);
        var passages = sp.GetRequiredService<IPassageSearch>().Search(Question, 6);
        for (var i = 0; i < passages.Count; i++)
            Assert.Contains($"[{i + 1}] {passages[i].Passage.DocumentTitle} — {passages[i].Passage.Location}", data);
    }

    [Fact]
    public async Task The_boundary_is_new_for_every_request()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Enqueue(new ScriptedReply.Content("Room C-204 [1]."), new ScriptedReply.Content("Room C-204 [1]."));
        using var sp = _knowledge.Build(server);
        var answers = sp.GetRequiredService<IAnswerService>();

        await answers.AskAsync(new AskRequest(Question));
        await answers.AskAsync(new AskRequest(Question));

        var boundaries = server.Received.Select(r => Boundary(r.System)).ToArray();
        Assert.Equal(2, boundaries.Length);
        Assert.NotEqual(boundaries[0], boundaries[1]);
    }

    [Fact]
    public async Task Citations_are_listed_in_order_of_first_use_and_renumbered()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Enqueue(new ScriptedReply.Content("Badges come from the Pregny gate [3]; the lounge is C-204 [1][3]."));
        using var sp = _knowledge.Build(server);

        var answer = await sp.GetRequiredService<IAnswerService>().AskAsync(new AskRequest(Question));

        var passages = sp.GetRequiredService<IPassageSearch>().Search(Question, 6);
        Assert.True(answer.Found);
        Assert.Equal("Badges come from the Pregny gate [1]; the lounge is C-204 [2][1].", answer.Text);
        Assert.Equal([passages[2].Passage.Location, passages[0].Passage.Location], answer.Citations.Select(c => c.Location));
    }

    [Fact]
    public async Task The_not_found_marker_becomes_an_abstention_with_suggestions()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Enqueue(new ScriptedReply.Content("NOT_FOUND"));
        using var sp = _knowledge.Build(server);

        var answer = await sp.GetRequiredService<IAnswerService>().AskAsync(new AskRequest("Who designed the delegate lounge carpet?"));

        Assert.False(answer.Found);
        Assert.Empty(answer.Citations);
        Assert.NotEmpty(answer.Suggestions);
        Assert.StartsWith("I could not find this in the meeting documents.", answer.Text);
    }


    [Fact]
    public async Task A_malformed_body_falls_back_to_the_extractive_answer()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Enqueue(new ScriptedReply.Raw(200, "{\"id\": \"chatcmpl-x\", \"choices\": [ {"));
        await AssertFallback(server, reasonContains: null);
    }

    [Fact]
    public async Task A_citation_of_a_passage_that_was_not_given_falls_back()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Enqueue(new ScriptedReply.Content("The lounge is in room C-204 [9]."));
        await AssertFallback(server, reasonContains: "cites [9]");
    }

    [Fact]
    public async Task A_reply_without_citations_falls_back()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Enqueue(new ScriptedReply.Content("PWNED"));
        await AssertFallback(server, reasonContains: "cites no passage");
    }

    [Fact]
    public async Task An_empty_reply_falls_back()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Enqueue(new ScriptedReply.Content("   "));
        await AssertFallback(server, reasonContains: "empty");
    }

    [Fact]
    public async Task A_429_with_a_long_retry_after_falls_back_without_waiting_or_retrying()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Enqueue(new ScriptedReply.Raw(429, "{\"error\":{\"code\":\"429\",\"message\":\"Rate limit is exceeded.\"}}",
            new Dictionary<string, string> { ["Retry-After"] = "120" }));
        var clock = Stopwatch.StartNew();
        await AssertFallback(server, reasonContains: "429");
        // Generous bound: the point is "not the two minutes Retry-After asks for".
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task A_500_falls_back()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Enqueue(new ScriptedReply.Raw(500, "{\"error\":{\"message\":\"internal\"}}"));
        await AssertFallback(server, reasonContains: "500");
    }

    [Fact]
    public async Task A_reply_slower_than_the_timeout_falls_back()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Enqueue(new ScriptedReply.Slow(TimeSpan.FromSeconds(60), "Room C-204 [1]."));
        var clock = Stopwatch.StartNew();
        await AssertFallback(server, reasonContains: "timeout", timeoutSeconds: 1);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Nothing_configured_leaves_the_extractive_engine_alone()
    {
        using var sp = _knowledge.Build(server: null);
        Assert.IsType<ExtractiveAnswerService>(sp.GetRequiredService<IAnswerService>());
    }

    [Fact]
    public void A_partial_configuration_changes_nothing()
    {
        using var sp = _knowledge.Build(server: null, extra: new Dictionary<string, string?> { ["AzureOpenAI:Endpoint"] = "https://x.openai.azure.com" });
        Assert.IsType<ExtractiveAnswerService>(sp.GetRequiredService<IAnswerService>());
    }

    private async Task AssertFallback(ScriptedOpenAIServer server, string? reasonContains, double timeoutSeconds = 8)
    {
        var logs = new LogSink();
        using var sp = _knowledge.Build(server, logs, timeoutSeconds);

        var answer = await sp.GetRequiredService<IAnswerService>().AskAsync(new AskRequest(Question));

        var expected = TestKnowledge.Extractive(sp, Question);
        Assert.Equal(expected.Found, answer.Found);
        Assert.Equal(expected.Text, answer.Text);
        Assert.Equal(expected.Citations, answer.Citations);
        var line = Assert.Single(logs.Lines, l => l.Contains("extractive engine", StringComparison.Ordinal));
        if (reasonContains is not null) Assert.Contains(reasonContains, line);
    }

    private static (string Before, string Data) SplitDataSection(ReceivedRequest request)
    {
        var boundary = Boundary(request.System);
        var begin = request.User.IndexOf($"<<<DATA {boundary}>>>", StringComparison.Ordinal);
        var end = request.User.IndexOf($"<<<END DATA {boundary}>>>", StringComparison.Ordinal);
        Assert.True(begin > 0 && end > begin, "the data section is fenced by the boundary named in the system message");
        return (request.User[..begin], request.User[begin..end]);
    }

    private static string Boundary(string system)
    {
        var m = System.Text.RegularExpressions.Regex.Match(system, @"<<<DATA ([0-9A-F]+)>>>");
        Assert.True(m.Success, "the system message names the data boundary");
        return m.Groups[1].Value;
    }
}
