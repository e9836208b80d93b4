using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DelegateBot.DirectLine;

namespace DelegateBot.Tests.DirectLine;

/// <summary>The Connector v3 routes the bot calls on our channel: only the process's key gets in.</summary>
public sealed class DirectLineConnectorTests
{
    [Fact]
    public async Task Without_the_process_key_nobody_can_post_as_the_bot()
    {
        await using var host = DirectLineHost.Start();
        var (token, conversationId, _) = await host.StartConversationAsync();
        var path = $"/directline/v3/conversations/{conversationId}/activities";
        var fake = new { type = "message", text = "I am the bot, trust me" };

        foreach (var bearer in new string?[] { null, token, DirectLineHost.Secret, "Zm9vYmFy" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Post, path, bearer, fake)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Post, path + "/x|0000001", bearer, fake)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Put, path + "/x|0000001", bearer, fake)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Delete, path + "/x|0000001", bearer)).StatusCode);
        }
        var (activities, _) = await host.GetActivitiesAsync(conversationId, token);
        Assert.Empty(activities);
    }

    [Fact]
    public async Task The_bot_sends_replies_updates_and_deletes_in_its_conversation()
    {
        await using var host = DirectLineHost.Start();
        var key = host.Get<DirectLineConnectorKey>().Value;
        var (token, conversationId, _) = await host.StartConversationAsync();
        var userMessage = await host.PostMessageAsync(conversationId, token, "register me");
        var path = $"/directline/v3/conversations/{conversationId}/activities";

        var sent = await host.SendAsync(HttpMethod.Post, $"{path}/{Uri.EscapeDataString(userMessage)}", key, new
        {
            type = "message",
            attachments = new[] { new { contentType = "application/vnd.microsoft.card.adaptive", content = new { type = "AdaptiveCard", version = "1.5" } } },
        });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var cardId = (string)(await sent.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var proactive = await host.SendAsync(HttpMethod.Post, path, key, new { type = "message", text = "Panel two starts in 15 minutes" });
        var proactiveId = (string)(await proactive.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        var (activities, watermark) = await host.GetActivitiesAsync(conversationId, token);
        Assert.Equal([userMessage, cardId, proactiveId], activities.Select(a => (string)a!["id"]!));
        Assert.Equal(userMessage, (string)activities[1]!["replyToId"]!);
        Assert.Equal("delegatebot", (string)activities[1]!["from"]!["id"]!);
        Assert.Equal("bot", (string)activities[1]!["from"]!["role"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string)activities[1]!["attachments"]![0]!["contentType"]!);
        var originalTime = (string)activities[1]!["timestamp"]!;

        // Update: same id, original timestamp (Web Chat replaces it in place), seen again after the watermark.
        var updated = await host.SendAsync(HttpMethod.Put, $"{path}/{Uri.EscapeDataString(cardId)}", key, new { type = "message", text = "You are registered." });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var (changes, _) = await host.GetActivitiesAsync(conversationId, token, watermark);
        var change = Assert.Single(changes);
        Assert.Equal(cardId, (string)change!["id"]!);
        Assert.Equal("You are registered.", (string)change["text"]!);
        Assert.Equal(originalTime, (string)change["timestamp"]!);

        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Delete, $"{path}/{Uri.EscapeDataString(proactiveId)}", key)).StatusCode);
        var (remaining, _) = await host.GetActivitiesAsync(conversationId, token);
        Assert.Equal([userMessage, cardId], remaining.Select(a => (string)a!["id"]!));

        Assert.Equal(HttpStatusCode.NotFound, (await host.SendAsync(HttpMethod.Put, $"{path}/{Uri.EscapeDataString(proactiveId)}", key, new { type = "message" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.SendAsync(HttpMethod.Post, "/directline/v3/conversations/unknown/activities", key, new { type = "message" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.SendAsync(HttpMethod.Post, path, key, new { text = "no type" })).StatusCode);
    }

    [Fact]
    public async Task The_connector_base_is_our_own_listening_address_or_the_configured_ServiceUrl()
    {
        await using (var host = DirectLineHost.Start())
        {
            var serviceUrl = host.Get<DirectLineServiceUrl>();
            Assert.Equal($"http://{host.BaseAddress.Authority}/directline/", serviceUrl.ConnectorBase);
            Assert.True(serviceUrl.IsOwn($"HTTP://{host.BaseAddress.Authority}/directline"));
            Assert.False(serviceUrl.IsOwn("https://smba.trafficmanager.net/emea/"));
        }
        await using (var host = DirectLineHost.Start(new Dictionary<string, string?> { ["DirectLine:ServiceUrl"] = "http://bot.internal:3978/" }))
            Assert.Equal("http://bot.internal:3978/directline/", host.Get<DirectLineServiceUrl>().ConnectorBase);
    }
}
