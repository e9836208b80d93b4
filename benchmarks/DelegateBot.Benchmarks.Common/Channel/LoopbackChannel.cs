using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DelegateBot.Benchmarks.Channel;

/// <summary>An activity the bot posted to the channel, as the channel saw it.</summary>
/// <param name="ReplyToId">From the URL (POST .../activities/{replyToId}) or, failing that, the body.</param>
/// <param name="ArrivedTimestamp">Stopwatch timestamp at arrival.</param>
public sealed record ChannelActivity(string ConversationId, string? ReplyToId, string? Type, string? Text, long ArrivedTimestamp);

/// <summary>
/// A channel's Connector v3 endpoint on loopback (Kestrel, random port) for benchmarks: it accepts the bot's
/// POST /v3/conversations/{id}/activities[/{replyToId}], reports each activity to <see cref="Received"/>, and
/// enforces <see cref="ChannelLimits"/> (per conversation and global) with 429 and Retry-After, as Teams does.
/// Counts what it accepted and refused, and deliveries per conversation (for broadcast checks: none lost, none doubled).
/// </summary>
public sealed class LoopbackChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SlidingWindowLimiter _perConversation;
    private readonly SlidingWindowLimiter _global;
    private readonly ConcurrentDictionary<string, int> _messagesPerConversation = new(StringComparer.Ordinal);
    private long _accepted, _throttled, _malformed;

    private LoopbackChannel(WebApplication app, ChannelLimits limits, TimeProvider time)
    {
        _app = app;
        Limits = limits;
        _perConversation = new SlidingWindowLimiter(limits.PerConversation, time);
        _global = new SlidingWindowLimiter(limits.Global, time);
    }

    public ChannelLimits Limits { get; }

    /// <summary>The serviceUrl to put in activities sent to the bot (ends with '/').</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <summary>Called for every accepted activity, on the request's thread: keep it short.</summary>
    public Action<ChannelActivity>? Received { get; set; }

    public long Accepted => Interlocked.Read(ref _accepted);
    public long Throttled => Interlocked.Read(ref _throttled);
    public long Malformed => Interlocked.Read(ref _malformed);

    /// <summary>Accepted message activities per conversation id.</summary>
    public IReadOnlyDictionary<string, int> MessagesPerConversation => _messagesPerConversation;

    public static async Task<LoopbackChannel> StartAsync(ChannelLimits? limits = null, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var channel = new LoopbackChannel(app, limits ?? ChannelLimits.None, time ?? TimeProvider.System);
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpContext http) =>
            channel.HandleAsync(Uri.UnescapeDataString(conversationId), null, http));
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", (string conversationId, string replyToId, HttpContext http) =>
            channel.HandleAsync(Uri.UnescapeDataString(conversationId), Uri.UnescapeDataString(replyToId), http));
        await app.StartAsync();
        channel.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return channel;
    }

    private async Task<IResult> HandleAsync(string conversationId, string? replyToId, HttpContext http)
    {
        var arrived = System.Diagnostics.Stopwatch.GetTimestamp();
        string? type = null, text = null;
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            var root = body.RootElement;
            type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
            text = root.TryGetProperty("text", out var x) && x.ValueKind == JsonValueKind.String ? x.GetString() : null;
            if (replyToId is null && root.TryGetProperty("replyToId", out var r) && r.ValueKind == JsonValueKind.String) replyToId = r.GetString();
        }
        catch (JsonException)
        {
            Interlocked.Increment(ref _malformed);
            return Results.BadRequest(new { error = new { code = "BadArgument", message = "The body is not a JSON activity." } });
        }

        // Teams counts every operation against both limits; the conversation's own limit is checked first.
        if (!_perConversation.TryAcquire(conversationId, out var wait) || !_global.TryAcquire("", out wait))
        {
            Interlocked.Increment(ref _throttled);
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Results.Json(new { error = new { code = "TooManyRequests", message = "Rate limit exceeded" } }, statusCode: StatusCodes.Status429TooManyRequests);
        }
        Interlocked.Increment(ref _accepted);
        if (type == "message") _messagesPerConversation.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
        Received?.Invoke(new ChannelActivity(conversationId, replyToId, type, text, arrived));
        return Results.Json(new { id = Guid.NewGuid().ToString("N") });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
