using System.Net.Http.Headers;
using System.Text.Json;

namespace DelegateBot.Benchmarks.Hosting;

/// <summary>Message activities as a channel sends them to POST /api/messages (anonymous mode: no token).</summary>
public static class BotMessages
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    /// <param name="expectReplies">The replies come back in the HTTP response instead of through the channel.</param>
    public static ByteArrayContent Message(string id, string conversationId, string text, string serviceUrl, bool expectReplies = false)
    {
        var activity = new Dictionary<string, object?>
        {
            ["type"] = "message",
            ["id"] = id,
            ["timestamp"] = DateTimeOffset.UtcNow,
            ["channelId"] = "emulator",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new { id = "user-" + conversationId, name = "Delegate" },
            ["recipient"] = new { id = "bot", name = "DelegateBot" },
            ["conversation"] = new { id = conversationId },
            ["text"] = text,
            ["locale"] = "en-US",
        };
        if (expectReplies) activity["deliveryMode"] = "expectReplies";
        return Json(activity);
    }

    /// <summary>
    /// What Teams sends when a user installs the bot in a personal chat: conversationUpdate with the bot among the
    /// members added (no greeting goes back: only the bot joined). The bot stores the conversation as a subscriber.
    /// With <paramref name="expectReplies"/> the HTTP response comes when the turn (and its writes) are done.
    /// </summary>
    public static ByteArrayContent BotInstalled(string conversationId, string userId, string serviceUrl, bool expectReplies = true)
    {
        var activity = new Dictionary<string, object?>
        {
            ["type"] = "conversationUpdate",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow,
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new { id = userId, name = "Delegate" },
            ["recipient"] = new { id = "28:bench-bot", name = "DelegateBot" },
            ["conversation"] = new { id = conversationId, conversationType = "personal" },
            ["membersAdded"] = new[] { new { id = "28:bench-bot" } },
        };
        if (expectReplies) activity["deliveryMode"] = "expectReplies";
        return Json(activity);
    }

    private static ByteArrayContent Json(object value)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value));
        content.Headers.ContentType = JsonType;
        return content;
    }

    /// <summary>Asks one question with expectReplies and returns the text (or card) of the last message reply.</summary>
    public static async Task<string> AskAsync(HttpClient http, Uri baseUrl, string question, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync(new Uri(baseUrl, "api/messages"),
            Message(Guid.NewGuid().ToString("N"), "bench-" + Guid.NewGuid().ToString("N")[..8], question, "http://127.0.0.1:9/", expectReplies: true), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"POST /api/messages answered {(int)response.StatusCode}: {body}");
        using var doc = JsonDocument.Parse(body);
        var message = doc.RootElement.GetProperty("activities").EnumerateArray()
            .LastOrDefault(a => a.TryGetProperty("type", out var t) && t.GetString() == "message");
        if (message.ValueKind == JsonValueKind.Undefined) throw new InvalidOperationException($"No message in the bot's replies: {body}");
        return message.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 } s ? s : message.ToString();
    }
}
