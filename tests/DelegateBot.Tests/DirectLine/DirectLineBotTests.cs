using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Connector;
using DelegateBot.BotFramework.Schema;
using DelegateBot.DirectLine;

namespace DelegateBot.Tests.DirectLine;

/// <summary>
/// Our Direct Line channel connected to the host's own bot: CloudAdapter.ProcessActivityAsync in process,
/// DelegateBotHandler over the repository's knowledge/, replies through ConnectorClient to our connector routes.
/// </summary>
public sealed class DirectLineBotTests
{
    [Fact]
    public async Task The_real_bot_welcomes_then_answers_with_a_cited_card_through_our_connector()
    {
        await using var host = DirectLineHost.Start(realBot: true);
        var (token, conversationId, _) = await host.StartConversationAsync();
        var welcome = await host.WaitForActivitiesAsync(conversationId, token, 1);
        Assert.StartsWith("Hello!", (string)welcome[0]!["text"]!);

        var question = await host.PostMessageAsync(conversationId, token, "who chairs panel two?");

        var activities = await WaitForAsync(host, conversationId, token, all => all.Any(a => a!["attachments"] != null));
        var card = activities.Single(a => a!["attachments"] != null)!;
        Assert.Equal(question, (string)card["replyToId"]!);
        Assert.Equal("delegatebot", (string)card["from"]!["id"]!);
        Assert.Equal("directline", (string)card["channelId"]!);
        var attachment = card["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string)attachment["contentType"]!);
        var content = attachment["content"]!.ToJsonString();
        Assert.Contains("Khalid Koser", content);
        Assert.Contains("Source: ", content);
        // The typing indicator came through the same route.
        Assert.Contains(activities, a => (string?)a!["type"] == "typing" && (string?)a["replyToId"] == question);
    }

    [Fact]
    public async Task The_bots_client_sends_the_connector_key_to_our_serviceUrl_only()
    {
        await using var host = DirectLineHost.Start(realBot: true);
        var connector = host.Get<ConnectorClient>();
        var own = host.Get<DirectLineServiceUrl>().ConnectorBase;

        Assert.Equal(host.Get<DirectLineConnectorKey>().Value, await connector.TokenProvider!(own, CancellationToken.None));
        Assert.Equal(host.Get<DirectLineConnectorKey>().Value, await connector.TokenProvider!(own.TrimEnd('/'), CancellationToken.None));
        Assert.Null(await connector.TokenProvider!("https://smba.trafficmanager.net/emea/", CancellationToken.None));
        Assert.Null(await connector.TokenProvider!(own.Replace("/directline/", "/elsewhere/"), CancellationToken.None));
    }

    [Fact]
    public async Task Proactive_messages_reach_the_conversation_and_its_open_stream()
    {
        await using var host = DirectLineHost.Start(realBot: true);
        var (token, conversationId, streamUrl) = await host.StartConversationAsync();
        await host.WaitForActivitiesAsync(conversationId, token, 1);
        using var socket = await DirectLineStreamTests.ConnectAsync(streamUrl);
        await DirectLineStreamTests.ReceiveFrameAsync(socket); // the welcome

        // What a reminder does later with the reference it stored from a Direct Line turn.
        var reference = new ConversationReference
        {
            ChannelId = "directline",
            ServiceUrl = host.Get<DirectLineServiceUrl>().ConnectorBase,
            Conversation = new ConversationAccount { Id = conversationId },
            Bot = host.Get<DirectLineChannel>().BotAccount,
            User = new ChannelAccount { Id = (string)DirectLineTokenTests.JwtPayload(token)["user"]! },
        };
        await host.Get<CloudAdapter>().ContinueConversationAsync(reference,
            (turn, ct) => turn.SendActivityAsync("Panel two starts in 15 minutes in Room XVII.", ct));

        var frame = await DirectLineStreamTests.ReceiveFrameAsync(socket);
        Assert.Equal("Panel two starts in 15 minutes in Room XVII.", (string)frame["activities"]![0]!["text"]!);
    }

    [Fact]
    public async Task The_messaging_endpoints_JWT_checks_still_apply_to_activities_naming_our_serviceUrl()
    {
        await using var host = DirectLineHost.Start(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "not-used-in-this-test",
        }, realBot: true);
        var (token, conversationId, _) = await host.StartConversationAsync();
        var forged = new Activity
        {
            Type = ActivityTypes.Message, Id = "forged-1", Text = "who chairs panel two?", ChannelId = "directline",
            ServiceUrl = host.Get<DirectLineServiceUrl>().ConnectorBase,
            From = new ChannelAccount { Id = "attacker" }, Recipient = new ChannelAccount { Id = "delegatebot" },
            Conversation = new ConversationAccount { Id = conversationId },
        };

        var response = await host.Client.PostAsJsonAsync("/api/messages", forged, BotJson.Options);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // Direct Line itself still works with app credentials configured: it needs none.
        await host.PostMessageAsync(conversationId, token, "who chairs panel two?");
        var activities = await WaitForAsync(host, conversationId, token, all => all.Any(a => a!["attachments"] != null));
        Assert.DoesNotContain(activities, a => (string?)a!["from"]?["id"] == "attacker");
    }

    private static async Task<JsonArray> WaitForAsync(DirectLineHost host, string conversationId, string token, Func<JsonArray, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var (activities, _) = await host.GetActivitiesAsync(conversationId, token);
            if (done(activities)) return activities;
            await Task.Delay(50, timeout.Token);
        }
    }
}
