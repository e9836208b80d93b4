using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using DelegateBot.BotFramework.Schema;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DelegateBot.Chat;

/// <summary>Why the chat cannot go on, in words for the person at the terminal.</summary>
public sealed class ChatException(string message) : Exception(message);

/// <summary>
/// The chat's side of the Bot Framework protocol, as the Emulator does it: a Connector v3 endpoint on loopback
/// (the serviceUrl of every activity it posts, so the bot's replies come back to it) and a client that posts
/// activities to the bot's /api/messages. Replies for other conversations are refused with 404.
/// </summary>
public sealed class ChatChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private readonly Channel<Activity> _incoming = Channel.CreateUnbounded<Activity>();
    private int _received;

    private ChatChannel(WebApplication app, HttpClient http, Uri botUrl, string conversationId)
    {
        _app = app;
        _http = http;
        BotUrl = botUrl;
        ConversationId = conversationId;
    }

    public Uri BotUrl { get; }
    public string ConversationId { get; }
    public string ServiceUrl { get; private set; } = "";

    /// <summary>The bot's activities (replies, sends, updates), in arrival order.</summary>
    public ChannelReader<Activity> Incoming => _incoming.Reader;

    public static async Task<ChatChannel> StartAsync(Uri botUrl, string conversationId, HttpClient? http = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders(); // stdout is the conversation
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var channel = new ChatChannel(app, http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, botUrl, conversationId);
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext context, string conversationId) => channel.TakeAsync(context, conversationId));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext context, string conversationId) => channel.TakeAsync(context, conversationId));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext context, string conversationId) => channel.TakeAsync(context, conversationId));
        app.MapDelete("/v3/conversations/{conversationId}/activities/{activityId}", () => Results.Ok());
        await app.StartAsync(cancellationToken);
        channel.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return channel;
    }

    private async Task<IResult> TakeAsync(HttpContext context, string conversationId)
    {
        if (conversationId != ConversationId)
            return Results.Json(new { error = new { code = "ConversationNotFound", message = $"This chat is conversation {ConversationId}." } }, statusCode: 404);
        Activity? activity;
        try { activity = await JsonSerializer.DeserializeAsync<Activity>(context.Request.Body, BotJson.Options, context.RequestAborted); }
        catch (JsonException ex) { return Results.Json(new { error = new { code = "BadArgument", message = ex.Message } }, statusCode: 400); }
        if (activity?.Type is null) return Results.Json(new { error = new { code = "BadArgument", message = "The activity has no type." } }, statusCode: 400);
        await _incoming.Writer.WriteAsync(activity, context.RequestAborted);
        return Results.Json(new ResourceResponse { Id = $"chat-{Interlocked.Increment(ref _received)}" });
    }

    /// <summary>Posts an activity to the bot, addressed back to this channel. Failures become sentences a person can act on.</summary>
    public async Task PostAsync(Activity activity, CancellationToken cancellationToken)
    {
        activity.ServiceUrl = ServiceUrl;
        activity.Conversation = new ConversationAccount { Id = ConversationId };
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsJsonAsync(BotUrl, activity, BotJson.Options, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ChatException($"Could not reach the bot at {BotUrl} ({ex.Message}). Is it running? Start it with: dotnet run --project src/DelegateBot");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChatException($"The bot at {BotUrl} did not answer within {_http.Timeout.TotalSeconds:0} s.");
        }
        using (response)
        {
            if (response.IsSuccessStatusCode) return;
            throw new ChatException(response.StatusCode switch
            {
                HttpStatusCode.Unauthorized =>
                    $"The bot at {BotUrl} asks for a Bot Framework token (it has a MicrosoftAppId). chat talks to a bot in local mode only " +
                    "(no MicrosoftAppId, as `dotnet run --project src/DelegateBot` starts it); try a registered bot in Teams or in the Azure portal's \"Test in Web Chat\".",
                HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed =>
                    $"{BotUrl} answered {(int)response.StatusCode}: is it the bot's messaging endpoint (…/api/messages)?",
                _ => $"The bot at {BotUrl} answered {(int)response.StatusCode} {response.ReasonPhrase}.",
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        _incoming.Writer.TryComplete();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
