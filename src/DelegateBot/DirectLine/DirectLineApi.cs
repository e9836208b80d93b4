using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using DelegateBot.BotFramework.Schema;
using Microsoft.AspNetCore.Http.Features;

namespace DelegateBot.DirectLine;

/// <summary>
/// The Direct Line 3.0 REST API under /v3/directline, as botframework-directlinejs (and so Web Chat) calls it:
/// tokens/generate, tokens/refresh, conversations, conversations/{id}, conversations/{id}/activities.
/// </summary>
public static class DirectLineApi
{
    public const string Prefix = "/v3/directline";

    /// <summary>Largest activity a client may post (the hosted service's limit is of the same order).</summary>
    public const int MaxActivityBytes = 256 * 1024;

    /// <summary>Most activities returned by one GET .../activities; the client asks again with the new watermark.</summary>
    public const int PageSize = 100;

    internal static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(Prefix);
        api.MapPost("/tokens/generate", GenerateToken);
        api.MapPost("/tokens/refresh", RefreshToken);
        api.MapPost("/conversations", StartConversation);
        api.MapGet("/conversations/{conversationId}", GetConversation);
        api.MapPost("/conversations/{conversationId}/activities", PostActivity);
        api.MapGet("/conversations/{conversationId}/activities", GetActivities);
        api.MapGet("/conversations/{conversationId}/stream", DirectLineStream.AcceptAsync);
    }

    // POST tokens/generate: a secret holder (the organiser's server) gets a token for a new conversation.
    private static async Task<IResult> GenerateToken(HttpContext http, DirectLineAuth auth, DirectLineTokenService tokens)
    {
        var bearer = DirectLineAuth.BearerOf(http.Request);
        if (string.IsNullOrEmpty(bearer)) return DirectLineErrors.Unauthorized("Send 'Authorization: Bearer <Direct Line secret>'.");
        if (!auth.IsSecret(bearer)) return DirectLineErrors.Forbidden("BadSecret", "Tokens are generated with a Direct Line secret (DirectLine:Secrets).");
        var (body, error) = await ReadOptionalAsync(http, json => JsonSerializer.Deserialize(json.Span, ApiJson.Default.TokenParameters));
        if (error != null) return error;
        var user = body?.User;
        if (ValidateUser(user) is { } bad) return bad;
        var issued = tokens.Issue(NewConversationId(), user?.Id ?? NewUserId(), user?.Name);
        return Results.Json(new TokenResponse(issued.Claims.ConversationId, issued.Token, issued.ExpiresIn), ApiJson.Default.TokenResponse);
    }

    // POST tokens/refresh: a valid token buys a new one for the same conversation and user; an expired one does not.
    private static IResult RefreshToken(HttpContext http, DirectLineAuth auth, DirectLineTokenService tokens)
    {
        var (caller, error) = auth.Authenticate(DirectLineAuth.BearerOf(http.Request), allowSecret: false);
        if (caller?.Token is not { } claims) return error!;
        var issued = tokens.Issue(claims.ConversationId, claims.UserId, claims.UserName);
        return Results.Json(new TokenResponse(claims.ConversationId, issued.Token, issued.ExpiresIn), ApiJson.Default.TokenResponse);
    }

    // POST conversations: 201 when the token's conversation starts now, 200 when it already exists.
    private static async Task<IResult> StartConversation(HttpContext http, DirectLineAuth auth, DirectLineConversationStore store, DirectLineChannel channel, DirectLineTokenService tokens)
    {
        var (caller, error) = auth.Authenticate(DirectLineAuth.BearerOf(http.Request));
        if (caller is null) return error!;
        var (body, bad) = await ReadOptionalAsync(http, json => JsonSerializer.Deserialize(json.Span, ApiJson.Default.ConversationParameters));
        if (bad != null) return bad;
        if (ValidateUser(body?.User) is { } badUser) return badUser;

        // A token names its conversation and user; a secret starts a new conversation for the user in the body.
        var claims = caller.Token ?? tokens.Issue(NewConversationId(), body?.User?.Id ?? NewUserId(), body?.User?.Name).Claims;
        var user = new ChannelAccount { Id = claims.UserId, Name = claims.UserName, Role = "user" };
        var (conversation, created) = store.GetOrCreate(claims.ConversationId, user, body?.Locale);
        if (created) channel.OnConversationCreated(conversation);
        return ConversationResult(http, caller, conversation, tokens, watermark: null, created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    // GET conversations/{id}?watermark=: reconnect; a fresh streamUrl that resumes after the watermark.
    private static IResult GetConversation(HttpContext http, string conversationId, string? watermark, DirectLineAuth auth, DirectLineConversationStore store, DirectLineTokenService tokens)
    {
        var (caller, conversation, error) = Open(http, conversationId, auth, store);
        if (error != null) return error;
        if (!TryParseWatermark(watermark, out var mark)) return BadWatermark(watermark);
        return ConversationResult(http, caller!, conversation!, tokens, mark, StatusCodes.Status200OK);
    }

    // POST conversations/{id}/activities: echo into the log, queue for the bot, answer {id} at once.
    private static async Task<IResult> PostActivity(HttpContext http, string conversationId, DirectLineAuth auth, DirectLineConversationStore store, DirectLineChannel channel)
    {
        var (_, conversation, error) = Open(http, conversationId, auth, store);
        if (error != null) return error;
        var (activity, bad) = await ReadOptionalAsync(http, json => JsonSerializer.Deserialize<Activity>(json.Span, BotJson.Options));
        if (bad != null) return bad;
        if (activity is null) return DirectLineErrors.BadRequest("The body must be an activity, e.g. {\"type\":\"message\",\"text\":\"hello\"}.");
        if (activity.Type is null || !DirectLineChannel.ClientActivityTypes.Contains(activity.Type))
            return DirectLineErrors.BadRequest($"Activity type '{activity.Type}' cannot be posted; use one of: {string.Join(", ", DirectLineChannel.ClientActivityTypes)}.");
        try
        {
            var id = channel.PostFromUser(conversation!, activity);
            return Results.Json(new ResourceResponse { Id = id }, BotJson.Options);
        }
        catch (DirectLineBusyException busy)
        {
            http.Response.Headers.RetryAfter = "2";
            return DirectLineErrors.Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", busy.Message);
        }
        catch (KeyNotFoundException)
        {
            return DirectLineErrors.NotFound("The conversation has ended.");
        }
    }

    // GET conversations/{id}/activities?watermark=: polling.
    private static IResult GetActivities(HttpContext http, string conversationId, string? watermark, DirectLineAuth auth, DirectLineConversationStore store)
    {
        var (_, conversation, error) = Open(http, conversationId, auth, store);
        if (error != null) return error;
        if (!TryParseWatermark(watermark, out var mark)) return BadWatermark(watermark);
        var (activities, next) = conversation!.ReadAfter(mark, PageSize);
        return Results.Text(ActivitySetJson(activities, next), "application/json; charset=utf-8");
    }

    /// <summary>The caller and the conversation, or 401/403 (no access) or 404 (unknown or forgotten conversation).</summary>
    internal static (DirectLineCaller? Caller, DirectLineConversation? Conversation, IResult? Error) Open(
        HttpContext http, string conversationId, DirectLineAuth auth, DirectLineConversationStore store, string? bearer = null)
    {
        var (caller, error) = auth.Authenticate(bearer ?? DirectLineAuth.BearerOf(http.Request));
        if (caller is null) return (null, null, error);
        // Checked before the lookup, so a token never learns whether another conversation exists.
        if (!caller.MayAccess(conversationId)) return (null, null, DirectLineErrors.Forbidden("WrongConversation", "The token is not valid for this conversation."));
        var conversation = store.Get(conversationId);
        return conversation is null
            ? (null, null, DirectLineErrors.NotFound("The conversation does not exist or has ended."))
            : (caller, conversation, null);
    }

    /// <summary>{"activities":[...],"watermark":"N"}: the ActivitySet that GET .../activities and stream frames carry.</summary>
    internal static string ActivitySetJson(IReadOnlyList<StoredActivity> activities, long watermark)
    {
        var builder = new StringBuilder("{\"activities\":[");
        for (var i = 0; i < activities.Count; i++)
        {
            if (i > 0) builder.Append(',');
            builder.Append(activities[i].Json);
        }
        return builder.Append("],\"watermark\":\"").Append(watermark).Append("\"}").ToString();
    }

    internal static bool TryParseWatermark(string? value, out long? watermark)
    {
        watermark = null;
        if (string.IsNullOrEmpty(value)) return true;
        if (long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
        {
            watermark = parsed;
            return true;
        }
        return false;
    }

    internal static IResult BadWatermark(string? value) => DirectLineErrors.BadRequest($"Watermark '{value}' is not one this service gave out (a whole number).");

    private static IResult ConversationResult(HttpContext http, DirectLineCaller caller, DirectLineConversation conversation, DirectLineTokenService tokens, long? watermark, int status)
    {
        // Token callers keep their token; secret callers get one for the conversation (a secret never goes into a URL).
        string token;
        int expiresIn;
        if (caller.Token is { } claims && caller.RawToken is { } raw)
        {
            token = raw;
            expiresIn = tokens.SecondsLeft(claims);
        }
        else
        {
            var issued = tokens.Issue(conversation.Id, conversation.User.Id!, conversation.User.Name);
            token = issued.Token;
            expiresIn = issued.ExpiresIn;
        }
        var request = http.Request;
        var scheme = request.IsHttps ? "wss" : "ws";
        var query = $"?t={Uri.EscapeDataString(token)}" + (watermark is { } w ? $"&watermark={w}" : "");
        var streamUrl = $"{scheme}://{request.Host}{request.PathBase}{Prefix}/conversations/{Uri.EscapeDataString(conversation.Id)}/stream{query}";
        return Results.Json(new ConversationResponse(conversation.Id, token, expiresIn, streamUrl), ApiJson.Default.ConversationResponse, statusCode: status);
    }

    /// <summary>Reads an optional JSON body (empty is null), limited to <see cref="MaxActivityBytes"/>; bad JSON is a 400.</summary>
    private static async Task<(T? Value, IResult? Error)> ReadOptionalAsync<T>(HttpContext http, Func<ReadOnlyMemory<byte>, T?> parse) where T : class
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxActivityBytes;
        if (http.Request.ContentLength > MaxActivityBytes)
            return (null, DirectLineErrors.Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The body is larger than {MaxActivityBytes / 1024} KB."));
        try
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            if (buffer.Length > MaxActivityBytes)
                return (null, DirectLineErrors.Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The body is larger than {MaxActivityBytes / 1024} KB."));
            if (buffer.Length == 0) return (null, null);
            return (parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)), null);
        }
        catch (JsonException e)
        {
            return (null, DirectLineErrors.BadRequest($"The body is not valid JSON for this call: {e.Message}"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, DirectLineErrors.Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The body is larger than {MaxActivityBytes / 1024} KB."));
        }
    }

    private static IResult? ValidateUser(ChannelAccount? user)
    {
        if (user?.Id is null) return null;
        if (user.Id.Length is 0 or > 256 || user.Id.Any(char.IsControl))
            return DirectLineErrors.BadRequest("user.id must be 1 to 256 characters without control characters.");
        if (user.Name is { Length: > 256 })
            return DirectLineErrors.BadRequest("user.name must be at most 256 characters.");
        return null;
    }

    internal static string NewConversationId() => Base64Url(RandomNumberGenerator.GetBytes(16));

    /// <summary>"dl_" ids are the ones the service assigns; clients may not pick them (DLJS refuses to).</summary>
    internal static string NewUserId() => "dl_" + Base64Url(RandomNumberGenerator.GetBytes(12));

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}

public sealed record TokenParameters(ChannelAccount? User, List<string>? TrustedOrigins);

public sealed record ConversationParameters(ChannelAccount? User, string? Locale);

public sealed record TokenResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

public sealed record ConversationResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl")] string StreamUrl);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenParameters))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(ConversationResponse))]
internal sealed partial class ApiJson : JsonSerializerContext;
