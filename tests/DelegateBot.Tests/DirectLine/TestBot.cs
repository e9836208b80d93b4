using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DelegateBot.BotFramework.Schema;
using DelegateBot.DirectLine;

namespace DelegateBot.Tests.DirectLine;

/// <summary>
/// A tiny bot behind the <see cref="IDirectLineBot"/> seam that answers the way a Bot Framework bot does: over
/// HTTP, to the activity's serviceUrl (our Connector routes), with the process's connector key. It greets on
/// conversationUpdate (when <see cref="Welcome"/> is set) and echoes messages as "echo: {text}".
/// </summary>
public sealed class TestBot : IDirectLineBot
{
    private static readonly HttpClient Http = new();

    public string? ConnectorKey { get; set; }

    public string? Welcome { get; init; }

    /// <summary>Never answers (tests that look at the echoes alone).</summary>
    public bool Silent { get; init; }

    /// <summary>When set, the bot waits for it before each turn (to hold activities in the queue).</summary>
    public SemaphoreSlim? Gate { get; init; }

    public ConcurrentQueue<Activity> Received { get; } = new();

    public async Task ProcessActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        Received.Enqueue(activity);
        if (Gate != null) await Gate.WaitAsync(cancellationToken);
        if (Silent) return;
        if (activity.Type == ActivityTypes.ConversationUpdate && Welcome != null)
            await SendAsync(activity, Welcome, replyTo: null, cancellationToken);
        if (activity.Type == ActivityTypes.Message)
            await SendAsync(activity, "echo: " + activity.Text, activity.Id, cancellationToken);
    }

    private async Task SendAsync(Activity incoming, string text, string? replyTo, CancellationToken cancellationToken)
    {
        var reply = incoming.CreateReply(text);
        var path = $"v3/conversations/{Uri.EscapeDataString(incoming.Conversation!.Id!)}/activities" + (replyTo is null ? "" : "/" + Uri.EscapeDataString(replyTo));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(incoming.ServiceUrl!), path))
        {
            Content = JsonContent.Create(reply, options: BotJson.Options),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ConnectorKey);
        using var response = await Http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
