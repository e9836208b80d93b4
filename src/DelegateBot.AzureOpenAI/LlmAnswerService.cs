using DelegateBot.Core.Knowledge;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace DelegateBot.AzureOpenAI;

/// <summary>
/// Answers with an Azure OpenAI chat deployment through Semantic Kernel, grounded in the top passages of the
/// index. The reply is checked (citations exist, abstention is explicit); on any failure the question goes to
/// the extractive engine (<paramref name="fallback"/>), so the model can improve answers but never break them.
/// </summary>
public sealed class LlmAnswerService(
    IAnswerService fallback,
    IPassageSearch search,
    IChatCompletionService chat,
    IOptions<AzureOpenAIOptions> options,
    TimeProvider time,
    ILogger<LlmAnswerService> logger) : IAnswerService
{
    private const int ExcerptLength = 400;

    private readonly AzureOpenAIOptions _options = options.Value;

    public async Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Text.Trim().Length == 0) return await fallback.AskAsync(request, cancellationToken);

        var (question, query, standalone) = await StandaloneAsync(request, cancellationToken);
        // The extractive engine does not read History: give it the standalone question when there is one.
        var fallbackRequest = standalone is null ? request : request with { Text = standalone };

        var passages = search.Search(query, Math.Max(1, _options.MaxPassages)).Select(h => h.Passage).ToArray();
        if (passages.Length == 0) return await Fallback(request, fallbackRequest, "the index holds no passage for the question", cancellationToken);

        var prompt = GroundedPrompt.Create(question, passages);
        string? reply;
        try
        {
            reply = await CompleteAsync(prompt.System, prompt.User, maxTokens: 700, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return await Fallback(request, fallbackRequest, Describe(e), cancellationToken);
        }

        switch (ReplyValidator.Check(reply, passages))
        {
            case ReplyCheck.Answered a:
                return new Answer(request.Text, true, a.Text, a.Cited.Select(Cite).ToArray(), []);
            case ReplyCheck.NotFound:
                var suggestions = Suggestions(passages);
                var text = "I could not find this in the meeting documents."
                    + (suggestions.Count == 0 ? "" : $" Closest topics: {string.Join("; ", suggestions)}.");
                return new Answer(request.Text, false, text, [], suggestions);
            case ReplyCheck.Invalid invalid:
                return await Fallback(request, fallbackRequest, invalid.Reason, cancellationToken);
            default:
                throw new InvalidOperationException("unreachable");
        }
    }

    /// <summary>One chat call within the configured budget (the caller's token still cancels it).</summary>
    private async Task<string?> CompleteAsync(string system, string user, int maxTokens, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var history = new ChatHistory();
        history.AddSystemMessage(system);
        history.AddUserMessage(user);
        var settings = new OpenAIPromptExecutionSettings { Temperature = 0, MaxTokens = maxTokens };
        try
        {
            var message = await chat.GetChatMessageContentAsync(history, settings, kernel: null, linked.Token);
            return message.Content;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no reply within {_options.Timeout.TotalSeconds:0.#} s");
        }
    }

    private async Task<Answer> Fallback(AskRequest original, AskRequest request, string reason, CancellationToken cancellationToken)
    {
        logger.LogWarning("Azure OpenAI answer not used ({Reason}); answering with the extractive engine.", reason);
        var answer = await fallback.AskAsync(request, cancellationToken);
        return answer with { Question = original.Text };
    }

    /// <summary>
    /// A follow-up becomes a standalone question through one short model call. Returns the question for the
    /// answer prompt, the retrieval query and the standalone question (null when there was none to make).
    /// When the rewrite fails, retrieval uses the question with the last earlier question, which usually holds
    /// the subject that "it" refers to.
    /// </summary>
    private async Task<(string Question, string Query, string? Standalone)> StandaloneAsync(AskRequest request, CancellationToken cancellationToken)
    {
        var text = request.Text.Trim();
        var history = FollowUpPrompt.Recent(request.History ?? []).ToArray();
        if (history.Length == 0) return (text, text, null);

        string? problem;
        try
        {
            var reply = await CompleteAsync(FollowUpPrompt.System, FollowUpPrompt.User(history, text), maxTokens: 120, cancellationToken);
            (var standalone, problem) = FollowUpPrompt.Parse(reply);
            if (standalone is not null) return (standalone, standalone, standalone);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            problem = Describe(e);
        }
        logger.LogWarning("Azure OpenAI question rewrite not used ({Reason}); retrieving with the question and the previous one.", problem);
        var previous = history[^1].Trim();
        return ($"{text} (follow-up to: {previous})", $"{previous} {text}", null);
    }

    /// <summary>A short reason for the log: status code for service errors, never the key or the prompt.</summary>
    internal static string Describe(Exception e) => e switch
    {
        TimeoutException t => "timeout: " + t.Message,
        HttpOperationException { StatusCode: { } status } => $"the service answered {(int)status} {status}",
        System.ClientModel.ClientResultException { Status: > 0 } c => $"the service answered {c.Status}",
        _ when e.InnerException is System.ClientModel.ClientResultException { Status: > 0 } inner => $"the service answered {inner.Status}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    /// <summary>Same shape as the extractive engine's citations: document title, location, supporting text.</summary>
    private static Citation Cite(Passage p) => new(p.DocumentTitle, p.Location, Excerpt(p.Text)) { Source = p.Source };

    private static string Excerpt(string text)
    {
        text = text.Trim();
        if (text.Length <= ExcerptLength) return text;
        // Cut at the last sentence end inside the budget, else at a word boundary.
        var cut = text.LastIndexOfAny(['.', ';', '!', '?'], ExcerptLength - 1);
        if (cut < ExcerptLength / 2) cut = text.LastIndexOf(' ', ExcerptLength - 1);
        return cut > 0 ? text[..(cut + 1)].TrimEnd() + " …" : text[..ExcerptLength] + " …";
    }

    private static IReadOnlyList<string> Suggestions(IEnumerable<Passage> passages) =>
        passages.Select(p => $"{p.DocumentTitle} ({p.Location})").Distinct().Take(3).ToArray();
}
