using System.Buffers;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Connector;
using DelegateBot.BotFramework.Hosting;
using DelegateBot.BotFramework.Schema;
using DelegateBot.BotFramework.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DelegateBot.BotFramework.Builder;

/// <summary>Decides whether an inbound request may be processed (the JWT checks live behind this seam).</summary>
public interface IInboundAuthenticator
{
    /// <summary>The caller's identity, or null when the request must be refused with 401.</summary>
    Task<ClaimsIdentity?> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}

/// <summary>
/// Serves POST /api/messages (SDK: CloudAdapter.ProcessAsync). Messages and other plain activities are
/// acknowledged with 200 at once and run in the background, one at a time per conversation, because channels
/// retry requests that take more than a few seconds; invokes and expectReplies are run inline since their
/// answer is the HTTP response. A retried activity id is remembered in IStorage and not answered twice.
/// A turn's messages leave when the turn has finished, state saved: if the save loses an ETag race (another
/// instance changed the conversation meanwhile), they are dropped and the turn runs again on the fresh state.
/// </summary>
public sealed class CloudAdapter : BotAdapter, IAsyncDisposable
{
    private const string ExpectRepliesKey = "CloudAdapter.ExpectReplies";
    private const string OutboxKey = "CloudAdapter.Outbox";

    /// <summary>Runs of one turn when its state save keeps losing ETag races, before the user is asked to repeat.</summary>
    public const int MaxTurnAttempts = 3;
    private static readonly HashSet<string> KnownTypes =
    [
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate, ActivityTypes.Invoke,
        ActivityTypes.Event, ActivityTypes.Typing, ActivityTypes.MessageReaction, ActivityTypes.MessageUpdate,
        ActivityTypes.MessageDelete, ActivityTypes.EndOfConversation,
    ];

    private readonly ConnectorClient _connector;
    private readonly IStorage _storage;
    private readonly IInboundAuthenticator _authenticator;
    private readonly ILogger<CloudAdapter> _logger;
    private readonly TimeProvider _time;
    private readonly BotFrameworkOptions _options;
    private readonly Dictionary<string, Task> _conversationTails = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();

    public CloudAdapter(ConnectorClient connector, IStorage storage, IInboundAuthenticator authenticator,
        IOptions<BotFrameworkOptions> options, ILogger<CloudAdapter> logger, TimeProvider time, ITurnFailureReplies? failureReplies = null)
    {
        var replies = failureReplies ?? new EnglishTurnFailureReplies();
        _connector = connector;
        _storage = storage;
        _authenticator = authenticator;
        _options = options.Value;
        _logger = logger;
        _time = time;
        OnTurnError = async (context, ex) =>
        {
            _logger.LogError(ex, "The bot failed on {Type} activity {Id} of conversation {Conversation}", context.Activity.Type, context.Activity.Id, context.Activity.Conversation?.Id);
            if (context.Activity.Type == ActivityTypes.Message)
            {
                try
                {
                    var apology = ex is StorageConcurrencyException ? replies.Conflict(context) : replies.Failed(context);
                    await context.SendActivityAsync(apology).ConfigureAwait(false);
                }
                catch (Exception sendError) { _logger.LogWarning(sendError, "Could not tell the user about the failure"); }
            }
        };
    }

    /// <summary>Handles one HTTP request of the messaging endpoint. Bad input is answered 4xx, never 500.</summary>
    public async Task ProcessAsync(HttpRequest request, HttpResponse response, IBot bot, CancellationToken cancellationToken = default)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "POST";
            return;
        }
        if (request.ContentLength > _options.MaxRequestBytes)
        {
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            _logger.LogWarning("Refused a request body over {Limit} bytes", _options.MaxRequestBytes);
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        Activity? activity;
        try { activity = JsonSerializer.Deserialize<Activity>(body.Value, BotJson.Options); }
        catch (JsonException ex)
        {
            _logger.LogWarning("Refused a request that is not a JSON activity: {Error}", ex.Message);
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            _logger.LogWarning("Refused an activity without a type");
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var identity = await _authenticator.AuthenticateAsync(request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null, activity, cancellationToken).ConfigureAwait(false);
        if (identity is null)
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (!KnownTypes.Contains(activity.Type))
        {
            _logger.LogInformation("Ignored an activity of unknown type '{Type}'", activity.Type);
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }
        if (activity.Conversation?.Id is not { Length: > 0 } || string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            _logger.LogWarning("Refused a {Type} activity without conversation.id or channelId", activity.Type);
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (activity.Type == ActivityTypes.Invoke || string.Equals(activity.DeliveryMode, "expectReplies", StringComparison.OrdinalIgnoreCase))
        {
            await ProcessInlineAsync(activity, identity, response, bot, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await IsRedeliveryAsync(activity, cancellationToken).ConfigureAwait(false))
        {
            _logger.LogInformation("Activity {Id} of conversation {Conversation} was delivered again; not answering twice", activity.Id, activity.Conversation.Id);
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }
        Enqueue(activity, identity, bot);
        response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>
    /// Runs one turn for an activity whose sender is already trusted (SDK: ProcessActivityAsync(ClaimsIdentity,
    /// Activity, callback)): an in-process channel such as our own Direct Line, which authenticated its client
    /// itself. No JWT check happens here (the HTTP path's checks stay in <see cref="ProcessAsync"/>), and the turn
    /// runs inline, so the caller decides the order of turns. Returns the bot's invoke response, if it set one.
    /// </summary>
    public async Task<InvokeResponse?> ProcessActivityAsync(ClaimsIdentity claimsIdentity, Activity activity,
        Func<ITurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimsIdentity);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(callback);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var context = await RunTurnAsync(activity, claimsIdentity, callback, null, stop.Token).ConfigureAwait(false);
        return context.TurnState.Get<InvokeResponse>(ActivityHandler.InvokeResponseKey);
    }

    /// <summary>The body, or null when it exceeds the limit (a chunked body has no Content-Length to check first).</summary>
    private async Task<ArraySegment<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        // Sized from Content-Length when there is one; the read buffer is pooled (every message comes through here).
        using var buffer = new MemoryStream(request.ContentLength is { } length and > 0 and <= int.MaxValue ? (int)Math.Min(length, _options.MaxRequestBytes) : 0);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _options.MaxRequestBytes) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally { ArrayPool<byte>.Shared.Return(chunk); }
        return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private async Task ProcessInlineAsync(Activity activity, ClaimsIdentity identity, HttpResponse response, IBot bot, CancellationToken ct)
    {
        var expectReplies = string.Equals(activity.DeliveryMode, "expectReplies", StringComparison.OrdinalIgnoreCase);
        var buffered = new List<Activity>();
        var context = await RunTurnAsync(activity, identity, bot.OnTurnAsync, turn =>
        {
            // A turn that runs again starts its replies afresh.
            buffered.Clear();
            if (expectReplies) turn.TurnState[ExpectRepliesKey] = buffered;
        }, ct).ConfigureAwait(false);

        if (activity.Type == ActivityTypes.Invoke)
        {
            var invoke = context.TurnState.Get<InvokeResponse>(ActivityHandler.InvokeResponseKey);
            if (invoke is null)
            {
                response.StatusCode = StatusCodes.Status501NotImplemented;
                return;
            }
            response.StatusCode = invoke.Status;
            if (invoke.Body != null) await response.WriteAsJsonAsync(invoke.Body, invoke.Body.GetType(), BotJson.Options, ct).ConfigureAwait(false);
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        await response.WriteAsJsonAsync(new JsonObject { ["activities"] = JsonSerializer.SerializeToNode(buffered, BotJson.Options) }, BotJson.Options, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Claims the activity id in storage ("" ETag = insert only if absent), so a retry (even after a restart)
    /// is recognised. A claim older than the window is taken over: ids are only unique for a while. Claims expire
    /// with the window, and the host's sweeper deletes them.
    /// </summary>
    private async Task<bool> IsRedeliveryAsync(Activity activity, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(activity.Id)) return false;
        var key = $"{activity.ChannelId}/conversations/{activity.Conversation!.Id}/delivered/{activity.Id}";
        var now = _time.GetUtcNow();
        try
        {
            await ClaimAsync(key, now, "", ct).ConfigureAwait(false);
            return false;
        }
        catch (StorageConcurrencyException)
        {
            var items = await _storage.ReadAsync([key], ct).ConfigureAwait(false);
            if (items.TryGetValue(key, out var value) && value is JsonObject seen && seen["at"]?.GetValue<DateTimeOffset>() is { } at && now - at < _options.DeduplicationWindow)
                return true;
            var etag = items.TryGetValue(key, out var v) ? StorageJson.GetETag(v) : "";
            try
            {
                await ClaimAsync(key, now, etag ?? "", ct).ConfigureAwait(false);
                return false;
            }
            catch (StorageConcurrencyException) { return true; } // another delivery took the expired claim first
        }
    }

    private Task ClaimAsync(string key, DateTimeOffset now, string etag, CancellationToken ct)
    {
        var claim = new Dictionary<string, object> { [key] = new JsonObject { ["at"] = now, [StorageJson.ETagProperty] = etag } };
        return _storage is IExpiringStorage expiring
            ? expiring.WriteAsync(claim, now + _options.DeduplicationWindow, ct)
            : _storage.WriteAsync(claim, ct);
    }

    /// <summary>Chains the turn after the previous one of the same conversation, so answers keep their order.</summary>
    private void Enqueue(Activity activity, ClaimsIdentity identity, IBot bot)
    {
        var key = $"{activity.ChannelId}/{activity.Conversation!.Id}";
        lock (_gate)
        {
            var previous = _conversationTails.GetValueOrDefault(key) ?? Task.CompletedTask;
            Task next = null!;
            next = RunAfterAsync(previous, activity, identity, bot).ContinueWith(_ =>
            {
                lock (_gate)
                {
                    if (_conversationTails.TryGetValue(key, out var tail) && tail == next) _conversationTails.Remove(key);
                }
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            _conversationTails[key] = next;
        }
    }

    private async Task RunAfterAsync(Task previous, Activity activity, ClaimsIdentity identity, IBot bot)
    {
        try { await previous.ConfigureAwait(false); } catch { /* the previous turn logged its own failure */ }
        await Task.Yield();
        try
        {
            await RunTurnAsync(activity, identity, bot.OnTurnAsync, null, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Processing {Type} activity {Id} of conversation {Conversation} failed", activity.Type, activity.Id, activity.Conversation?.Id);
        }
    }

    /// <summary>
    /// Runs one turn. Its messages wait in an outbox until the bot (state save included) has finished; typing
    /// indicators go at once. When the turn fails because its state save lost an ETag race, nothing it said has
    /// left: it runs again on freshly loaded state, up to <see cref="MaxTurnAttempts"/>
    /// times, after which the user is asked to send the message again (OnTurnError). Other failures flush what
    /// the bot said before failing, then go to OnTurnError, as in the SDK.
    /// </summary>
    private async Task<TurnContext> RunTurnAsync(Activity activity, ClaimsIdentity identity, Func<ITurnContext, CancellationToken, Task> callback,
        Action<TurnContext>? prepare, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            // Each run gets the activity as the previous run left it (a copy taken after the first run would hold the
            // same changes, and one taken before every turn costs every turn): the bot's changes to it (mention
            // removal) must be repeatable.
            var context = new TurnContext(this, activity);
            context.TurnState.Set(identity);
            var outbox = new List<Activity>();
            context.TurnState[OutboxKey] = outbox;
            prepare?.Invoke(context);
            try
            {
                await RunMiddlewareAndCallbackAsync(context, callback, ct).ConfigureAwait(false);
            }
            catch (StorageConcurrencyException ex) when (attempt < MaxTurnAttempts)
            {
                _logger.LogInformation("The state of conversation {Conversation} was changed by another writer during activity {Id} ({Key}); running the turn again",
                    activity.Conversation?.Id, activity.Id, ex.Key);
                continue;
            }
            catch (Exception ex) when (OnTurnError != null && ex is not OperationCanceledException)
            {
                context.TurnState.Remove(OutboxKey);
                // After repeated races the replies describe a state that was not saved: drop them.
                if (ex is not StorageConcurrencyException) await FlushAsync(outbox, ct).ConfigureAwait(false);
                await OnTurnError(context, ex).ConfigureAwait(false);
                return context;
            }
            context.TurnState.Remove(OutboxKey);
            await FlushAsync(outbox, ct).ConfigureAwait(false);
            return context;
        }
    }

    private async Task FlushAsync(List<Activity> outbox, CancellationToken ct)
    {
        foreach (var activity in outbox) await _connector.SendAsync(activity, ct).ConfigureAwait(false);
        outbox.Clear();
    }

    /// <summary>Completes when every queued turn has finished (shutdown, tests).</summary>
    public Task WhenIdleAsync()
    {
        Task[] tails;
        lock (_gate) tails = [.. _conversationTails.Values];
        return Task.WhenAll(tails);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Count];
        var buffered = turnContext.TurnState.Get<List<Activity>>(ExpectRepliesKey);
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            if (activity.Type == ActivityTypes.InvokeResponse)
            {
                // The SDK's way for a bot to answer an invoke: keep it for the HTTP response, do not post it.
                if (activity.Value is { } value) turnContext.TurnState[ActivityHandler.InvokeResponseKey] = value.Deserialize<InvokeResponse>(BotJson.Options)!;
                responses[i] = new ResourceResponse();
                continue;
            }
            if (activity.Type == ActivityTypes.Trace && turnContext.Activity.ChannelId != "emulator")
            {
                responses[i] = new ResourceResponse();
                continue;
            }
            if (buffered != null)
            {
                buffered.Add(activity);
                responses[i] = new ResourceResponse { Id = Guid.NewGuid().ToString("N") };
                continue;
            }
            // Held until the turn has saved its state; the id is provisional, as with expectReplies.
            if (activity.Type != ActivityTypes.Typing && turnContext.TurnState.Get<List<Activity>>(OutboxKey) is { } outbox)
            {
                outbox.Add(activity);
                responses[i] = new ResourceResponse { Id = Guid.NewGuid().ToString("N") };
                continue;
            }
            responses[i] = await _connector.SendAsync(activity, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse();
        }
        return responses;
    }

    /// <summary>Sends the turn's held messages first, so an update or delete never overtakes them.</summary>
    private Task FlushOutboxAsync(ITurnContext turnContext, CancellationToken ct) =>
        turnContext.TurnState.Get<List<Activity>>(OutboxKey) is { Count: > 0 } outbox ? FlushAsync(outbox, ct) : Task.CompletedTask;

    public override async Task<ResourceResponse?> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        await FlushOutboxAsync(turnContext, cancellationToken).ConfigureAwait(false);
        return await _connector.UpdateAsync(activity, cancellationToken).ConfigureAwait(false);
    }

    public override async Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
    {
        await FlushOutboxAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await _connector.DeleteAsync(reference.ServiceUrl!, reference.Conversation!.Id!, reference.ActivityId!, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        try { await WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false); }
        catch (TimeoutException) { _logger.LogWarning("Stopped with turns still running"); }
        await _stopping.CancelAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
