using DelegateBot.Core.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace DelegateBot.AzureOpenAI.Tests;

/// <summary>Follow-up questions are made standalone by one short model call before retrieval.</summary>
public sealed class FollowUpTests : IDisposable
{
    private const string Earlier = "Where is the delegate lounge?";
    private const string FollowUp = "and when is it open?";
    private readonly TestKnowledge _knowledge = new();

    public void Dispose() => _knowledge.Dispose();

    [Fact]
    public async Task A_follow_up_is_rewritten_and_the_rewrite_drives_retrieval_and_the_answer()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Enqueue(
            new ScriptedReply.Content("When is the delegate lounge open?"),
            new ScriptedReply.Content("From 8:00 to 20:00 [1]."));
        using var sp = _knowledge.Build(server);

        var answer = await sp.GetRequiredService<IAnswerService>().AskAsync(
            new AskRequest(FollowUp, ["What is the theme of the thematic debate?", Earlier]));

        Assert.True(answer.Found);
        Assert.Equal(FollowUp, answer.Question);
        var requests = server.Received.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Contains("standalone question", requests[0].System);
        Assert.Contains("- " + Earlier, requests[0].User);
        Assert.Contains("Last question: " + FollowUp, requests[0].User);
        Assert.StartsWith("Question: When is the delegate lounge open?", requests[1].User);
        // Retrieval ran on the rewritten question: the lounge paragraph is among the passages.
        Assert.Contains("open from 8:00 to 20:00", requests[1].User);
    }

    [Fact]
    public async Task When_the_rewrite_fails_retrieval_uses_the_question_with_the_previous_one()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Enqueue(
            new ScriptedReply.Raw(503, "{\"error\":{\"message\":\"busy\"}}"),
            new ScriptedReply.Content("From 8:00 to 20:00 [1]."));
        var logs = new LogSink();
        using var sp = _knowledge.Build(server, logs);

        var answer = await sp.GetRequiredService<IAnswerService>().AskAsync(new AskRequest(FollowUp, [Earlier]));

        Assert.True(answer.Found);
        var requests = server.Received.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Contains($"(follow-up to: {Earlier})", requests[1].User);
        Assert.Contains("open from 8:00 to 20:00", requests[1].User);
        Assert.Contains(logs.Lines, l => l.Contains("question rewrite not used", StringComparison.Ordinal) && l.Contains("503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_rewrite_is_not_used()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Enqueue(new ScriptedReply.Content("  "), new ScriptedReply.Content("From 8:00 to 20:00 [1]."));
        var logs = new LogSink();
        using var sp = _knowledge.Build(server, logs);

        await sp.GetRequiredService<IAnswerService>().AskAsync(new AskRequest(FollowUp, [Earlier]));

        Assert.Contains($"(follow-up to: {Earlier})", server.Received.ToArray()[1].User);
        Assert.Contains(logs.Lines, l => l.Contains("the rewrite is empty", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_both_calls_fail_the_extractive_engine_answers_the_question_as_asked()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Enqueue(new ScriptedReply.Raw(500, "{}"), new ScriptedReply.Raw(500, "{}"));
        using var sp = _knowledge.Build(server);

        var answer = await sp.GetRequiredService<IAnswerService>().AskAsync(new AskRequest(FollowUp, [Earlier]));

        var expected = TestKnowledge.Extractive(sp, FollowUp);
        Assert.Equal(expected.Text, answer.Text);
        Assert.Equal(FollowUp, answer.Question);
    }

    [Fact]
    public async Task A_rewritten_question_reaches_the_extractive_fallback_when_the_answer_call_fails()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Enqueue(new ScriptedReply.Content("When is the delegate lounge open?"), new ScriptedReply.Raw(429, "{}"));
        using var sp = _knowledge.Build(server);

        var answer = await sp.GetRequiredService<IAnswerService>().AskAsync(new AskRequest(FollowUp, [Earlier]));

        var expected = TestKnowledge.Extractive(sp, "When is the delegate lounge open?");
        Assert.Equal(expected.Text, answer.Text);
        Assert.Equal(expected.Found, answer.Found);
        Assert.Equal(FollowUp, answer.Question);
    }
}
