using System.Text.Json;
using DelegateBot.Bot;
using DelegateBot.BotFramework.Auth;
using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Connector;
using DelegateBot.BotFramework.Schema;
using DelegateBot.Reminders.Subscriptions;

namespace DelegateBot.Reminders.Delivery;

/// <summary>What became of one send.</summary>
public abstract record SendOutcome(string? Reason)
{
    public sealed record Sent(string? ActivityId) : SendOutcome((string?)null);
    /// <summary>Worth trying again (throttled, gateway trouble, timeout, network); <paramref name="RetryAfter"/> is the channel's wish.</summary>
    public sealed record Retry(string Why, TimeSpan? RetryAfter) : SendOutcome(Why);
    /// <summary>The conversation will not take messages (bot blocked or uninstalled, conversation gone): the subscriber becomes inactive.</summary>
    public sealed record Gone(string Why) : SendOutcome(Why);
    /// <summary>Refused for a reason retrying will not change.</summary>
    public sealed record Failed(string Why) : SendOutcome(Why);
}

/// <summary>
/// Sends one message into one stored conversation as a proactive message (CloudAdapter.ContinueConversationAsync,
/// POST v3/conversations/{id}/activities) and says what became of it. The bot's token goes to the subscription's
/// serviceUrl only when an authenticated channel request vouched for it, also after a restart.
/// </summary>
public sealed class ProactiveSender(CloudAdapter adapter, BotTokenProvider tokens, TimeProvider time)
{
    public async Task<SendOutcome> SendAsync(Subscription subscription, string messageJson, CancellationToken cancellationToken)
    {
        // The authenticated request recorded its serviceUrl durably (with the audience it implied); a subscription
        // stored before those records existed still carries the proof in its flag.
        if (subscription.Vouched && subscription.Reference.ServiceUrl is { } serviceUrl && !await tokens.IsTrustedAsync(serviceUrl, cancellationToken))
            await tokens.TrustServiceUrlAsync(serviceUrl, cancellationToken: cancellationToken);
        var message = ForChannel(JsonSerializer.Deserialize<Activity>(messageJson, BotJson.Options)!, subscription.ChannelId);
        ResourceResponse? response = null;
        Exception? failure = null;
        await adapter.ContinueConversationAsync(subscription.Reference, async (turn, ct) =>
        {
            // A new message in the conversation, not a reply to the synthetic ContinueConversation event.
            turn.Activity.Id = null;
            // Caught here: the adapter's OnTurnError would log and swallow it, and the send would look made.
            try { response = await turn.SendActivityAsync(message, ct); }
            catch (Exception e) { failure = e; }
        }, cancellationToken);
        // Our own shutdown, not the channel's doing: the outcome is unknown, the caller leaves the ledger row alone.
        if (failure is OperationCanceledException) cancellationToken.ThrowIfCancellationRequested();
        return failure is null ? new SendOutcome.Sent(response?.Id) : Classify(failure, time.GetUtcNow());
    }

    public static SendOutcome Classify(Exception failure, DateTimeOffset now) => failure switch
    {
        ConnectorException { Status: 403 } e => new SendOutcome.Gone($"blocked: the bot was blocked or uninstalled (403{Code(e)})"),
        ConnectorException { Status: 404 } e => new SendOutcome.Gone($"conversation not found (404{Code(e)})"),
        ConnectorException e when RetryPolicy.IsTransient(e.Status) => new SendOutcome.Retry($"{e.Status} {Phrase(e.Status)}", RetryPolicy.RetryAfter(e.RetryAfter, now)),
        ConnectorException e => new SendOutcome.Failed($"refused by the channel ({e.Status}{Code(e)})"),
        HttpRequestException e => new SendOutcome.Retry($"channel unreachable ({e.HttpRequestError})", null),
        OperationCanceledException => new SendOutcome.Retry("timed out", null),
        ArgumentException e => new SendOutcome.Failed($"unusable conversation reference: {e.Message}"),
        _ => new SendOutcome.Failed($"{failure.GetType().Name}: {failure.Message}"),
    };

    /// <summary>Channels without Adaptive Cards get the card's plain-text version.</summary>
    private static Activity ForChannel(Activity message, string channelId)
    {
        if (message.Attachments is { Count: > 0 } && !AnswerCard.RendersCards(channelId) && message.Summary is { Length: > 0 } plain)
        {
            message.Attachments = null;
            message.Text = plain;
            message.TextFormat = "plain";
        }
        return message;
    }

    /// <summary>The channel's error code ({"error":{"code":"MessageWritesBlocked"}}) when it gave one.</summary>
    private static string Code(ConnectorException e)
    {
        try
        {
            using var doc = JsonDocument.Parse(e.Body);
            return doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String && code.GetString() is { Length: > 0 } c
                ? $" {c}" : "";
        }
        catch (JsonException) { return ""; }
    }

    private static string Phrase(int status) => status switch
    {
        408 => "Request Timeout",
        412 => "Precondition Failed",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    };
}
