using System.Net.Http.Headers;
using System.Net.Http.Json;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.BotFramework.Connector;

/// <summary>Raised when the channel's Connector API answers with a non-success status.</summary>
public sealed class ConnectorException(int status, string body, string url, RetryConditionHeaderValue? retryAfter = null)
    : Exception($"The channel answered {status} to {url}: {body}")
{
    public int Status { get; } = status;
    public string Body { get; } = body;

    /// <summary>The channel's Retry-After (seconds or an HTTP date), sent with 429 and some 5xx; senders honour it.</summary>
    public RetryConditionHeaderValue? RetryAfter { get; } = retryAfter;
}

/// <summary>
/// Credentials for particular serviceUrls, consulted before the bot's own (MSAL) token: an in-process channel
/// (our Direct Line) authorises the bot's calls with a secret only it and the bot share, sent nowhere else.
/// </summary>
public interface IServiceUrlCredentials
{
    /// <summary>True when this source speaks for <paramref name="serviceUrl"/>.</summary>
    bool AppliesTo(string serviceUrl);

    Task<string?> GetTokenAsync(string serviceUrl, CancellationToken cancellationToken);
}

/// <summary>
/// The Connector v3 REST API of a channel (SDK: ConnectorClient/Conversations), addressed by each activity's
/// serviceUrl. Ids are escaped because Teams ids contain ':', ';' and '@'.
/// </summary>
public sealed class ConnectorClient(HttpClient http)
{
    /// <summary>Supplies the bearer token for a serviceUrl, or null to send none (anonymous mode).</summary>
    public Func<string, CancellationToken, Task<string?>>? TokenProvider { get; set; }

    /// <summary>Replies to activity.replyToId when set (POST .../activities/{replyToId}), else sends to the conversation.</summary>
    public async Task<ResourceResponse?> SendAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var path = ActivitiesPath(activity, activity.ReplyToId);
        return await CallAsync(HttpMethod.Post, activity.ServiceUrl, path, activity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>PUT v3/conversations/{conv}/activities/{activity.id}.</summary>
    public Task<ResourceResponse?> UpdateAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(activity.Id)) throw new ArgumentException("Updating an activity needs its id.", nameof(activity));
        return CallAsync(HttpMethod.Put, activity.ServiceUrl, ActivitiesPath(activity, activity.Id), activity, cancellationToken);
    }

    /// <summary>DELETE v3/conversations/{conv}/activities/{activityId}.</summary>
    public Task DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default)
        => CallAsync(HttpMethod.Delete, serviceUrl,
            $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}", null, cancellationToken);

    private static string ActivitiesPath(Activity activity, string? activityId)
    {
        var conversation = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversation)) throw new ArgumentException("The activity has no conversation id.", nameof(activity));
        var path = $"v3/conversations/{Uri.EscapeDataString(conversation)}/activities";
        return string.IsNullOrEmpty(activityId) ? path : $"{path}/{Uri.EscapeDataString(activityId)}";
    }

    /// <summary>serviceUrl with exactly one '/' before the relative path, whatever the channel sent.</summary>
    internal static Uri BuildUri(string? serviceUrl, string path)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl) || !Uri.TryCreate(serviceUrl.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"'{serviceUrl}' is not an http(s) serviceUrl.");
        return new Uri(baseUri.AbsoluteUri + path);
    }

    private async Task<ResourceResponse?> CallAsync(HttpMethod method, string? serviceUrl, string path, Activity? body, CancellationToken ct)
    {
        var uri = BuildUri(serviceUrl, path);
        using var request = new HttpRequestMessage(method, uri);
        if (body != null) request.Content = JsonContent.Create(body, options: BotJson.Options);
        if (TokenProvider != null && await TokenProvider(serviceUrl!, ct).ConfigureAwait(false) is { Length: > 0 } token)
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw new ConnectorException((int)response.StatusCode, text, uri.AbsoluteUri, response.Headers.RetryAfter);
        if (string.IsNullOrWhiteSpace(text)) return null;
        try { return System.Text.Json.JsonSerializer.Deserialize<ResourceResponse>(text, BotJson.Options); }
        catch (System.Text.Json.JsonException) { return null; } // some channels answer 200 with non-JSON; the send succeeded
    }
}
