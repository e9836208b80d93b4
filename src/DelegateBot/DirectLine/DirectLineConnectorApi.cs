using System.Text.Json;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.DirectLine;

/// <summary>
/// The Connector v3 routes the bot calls back on our Direct Line channel, under the serviceUrl
/// {base}/directline/: send, reply, update and delete activities. Only callers holding the process's
/// <see cref="DirectLineConnectorKey"/> get in; anyone else gets 401, so no outside caller can speak as the bot.
/// </summary>
public static class DirectLineConnectorApi
{
    internal static void Map(IEndpointRouteBuilder routes)
    {
        var connector = routes.MapGroup(DirectLineServiceUrl.ConnectorPrefix + "/v3/conversations/{conversationId}/activities")
            .AddEndpointFilter(async (context, next) =>
            {
                var key = context.HttpContext.RequestServices.GetRequiredService<DirectLineConnectorKey>();
                return key.Authorizes(context.HttpContext.Request.Headers.Authorization)
                    ? await next(context)
                    : DirectLineErrors.Unauthorized("The Direct Line connector accepts only the bot of this service.");
            });
        connector.MapPost("/", (string conversationId, HttpContext http, DirectLineConversationStore store, DirectLineChannel channel)
            => SendAsync(conversationId, null, http, store, channel));
        connector.MapPost("/{activityId}", (string conversationId, string activityId, HttpContext http, DirectLineConversationStore store, DirectLineChannel channel)
            => SendAsync(conversationId, activityId, http, store, channel));
        connector.MapPut("/{activityId}", UpdateAsync);
        connector.MapDelete("/{activityId}", Delete);
    }

    private static async Task<IResult> SendAsync(string conversationId, string? replyToId, HttpContext http, DirectLineConversationStore store, DirectLineChannel channel)
    {
        var (activity, error) = await ReadActivityAsync(http);
        if (activity is null) return error!;
        if (store.Get(conversationId) is not { } conversation) return DirectLineErrors.NotFound($"Conversation '{conversationId}' does not exist or has ended.");
        var id = channel.AppendFromBot(conversation, activity, replyToId ?? activity.ReplyToId);
        return Results.Json(new ResourceResponse { Id = id ?? string.Empty }, BotJson.Options);
    }

    private static async Task<IResult> UpdateAsync(string conversationId, string activityId, HttpContext http, DirectLineConversationStore store, DirectLineChannel channel)
    {
        var (activity, error) = await ReadActivityAsync(http);
        if (activity is null) return error!;
        if (store.Get(conversationId) is not { } conversation) return DirectLineErrors.NotFound($"Conversation '{conversationId}' does not exist or has ended.");
        return channel.UpdateFromBot(conversation, activityId, activity) is { } id
            ? Results.Json(new ResourceResponse { Id = id }, BotJson.Options)
            : DirectLineErrors.NotFound($"Activity '{activityId}' is not in conversation '{conversationId}' (or has been dropped).");
    }

    // Readers after this no longer get the activity; a Web Chat already showing it keeps it (Direct Line has no delete event).
    private static IResult Delete(string conversationId, string activityId, DirectLineConversationStore store)
    {
        if (store.Get(conversationId) is not { } conversation) return DirectLineErrors.NotFound($"Conversation '{conversationId}' does not exist or has ended.");
        return conversation.Remove(activityId)
            ? Results.Ok()
            : DirectLineErrors.NotFound($"Activity '{activityId}' is not in conversation '{conversationId}'.");
    }

    private static async Task<(Activity? Activity, IResult? Error)> ReadActivityAsync(HttpContext http)
    {
        try
        {
            var activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, BotJson.Options, http.RequestAborted);
            if (activity?.Type is null) return (null, DirectLineErrors.BadRequest("The body must be an activity with a type."));
            return (activity, null);
        }
        catch (JsonException e)
        {
            return (null, DirectLineErrors.BadRequest($"The body is not a valid activity: {e.Message}"));
        }
    }
}
