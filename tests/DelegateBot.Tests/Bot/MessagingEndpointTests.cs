using System.Net;
using System.Text;
using System.Text.Json;
using DelegateBot.BotFramework.Schema;
using Microsoft.Data.Sqlite;

namespace DelegateBot.Tests.Bot;

/// <summary>POST /api/messages of the real host, replies received by a Connector v3 channel on loopback.</summary>
public sealed class MessagingEndpointTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("delegatebot-bot-").FullName;
    private TestChannel _channel = null!;
    private BotAppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _channel = await TestChannel.StartAsync();
        _app = new BotAppFactory(_data);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _channel.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private static string Json(Activity a) => JsonSerializer.Serialize(a, BotJson.Options);

    [Fact]
    public async Task A_question_gets_typing_then_a_cited_card_replying_to_the_escaped_path()
    {
        var question = BotAppFactory.Message(_channel.ServiceUrl, "Who chairs panel two?", id: "act:1;x", conversation: "a:19@thread;v2");

        var response = await _app.PostAsync(question);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await _channel.WaitForCallsAsync(2);
        var expectedPath = $"/v3/conversations/{Uri.EscapeDataString("a:19@thread;v2")}/activities/{Uri.EscapeDataString("act:1;x")}";
        Assert.All(calls, c => Assert.Equal(("POST", expectedPath), (c.Method, c.RawPath)));
        Assert.Equal(ActivityTypes.Typing, calls[0].Activity!.Type);
        var reply = calls[1].Activity!;
        Assert.Equal("act:1;x", reply.ReplyToId);
        Assert.Equal("bot-1", reply.From!.Id);
        Assert.Equal("user-1", reply.Recipient!.Id);
        var card = Assert.Single(reply.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.ContentType);
        var cardJson = card.Content!.ToString()!;
        Assert.Contains("Khalid Koser", cardJson);
        Assert.Contains("Source: ", cardJson);
        Assert.Contains("\"version\":\"1.4\"", cardJson.Replace(" ", ""));
    }

    [Fact]
    public async Task A_channel_without_cards_gets_plain_text_with_the_source_line()
    {
        await _app.PostAsync(BotAppFactory.Message(_channel.ServiceUrl, "Who chairs panel two?", channelId: "slack"));

        var reply = (await _channel.WaitForCallsAsync(2))[1].Activity!;
        Assert.Null(reply.Attachments);
        Assert.Contains("Khalid Koser", reply.Text);
        Assert.Contains("Source: ", reply.Text);
    }

    [Fact]
    public async Task An_unanswerable_question_says_so_and_offers_suggestions()
    {
        await _app.PostAsync(BotAppFactory.Message(_channel.ServiceUrl, "What is the price of bananas on Mars?"));

        var reply = (await _channel.WaitForCallsAsync(2))[1].Activity!;
        Assert.Null(reply.Attachments);
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        if (reply.SuggestedActions is { } suggested) Assert.All(suggested.Actions!, a => Assert.Equal("imBack", a.Type));
    }

    [Fact]
    public async Task The_bots_mention_is_removed_before_the_question_is_read()
    {
        var question = BotAppFactory.Message(_channel.ServiceUrl, "<at>DelegateBot</at> Who chairs panel two?", channelId: "msteams");
        question.Entities =
        [
            JsonSerializer.Deserialize<Entity>("""{"type":"mention","mentioned":{"id":"bot-1","name":"DelegateBot"},"text":"<at>DelegateBot</at>"}""", BotJson.Options)!,
        ];

        await _app.PostAsync(question);

        var reply = (await _channel.WaitForCallsAsync(2))[1].Activity!;
        Assert.Contains("Khalid Koser", reply.Attachments![0].Content!.ToString());
    }

    [Fact]
    public async Task A_redelivered_activity_is_answered_once_even_after_a_restart()
    {
        var question = BotAppFactory.Message(_channel.ServiceUrl, "Who chairs panel two?", id: "retry-1");
        Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(question)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(question)).StatusCode);
        await _app.DisposeAsync();

        _app = new BotAppFactory(_data);
        Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(question)).StatusCode);
        // A later message of the same conversation is answered after any duplicate would have been.
        await _app.PostAsync(BotAppFactory.Message(_channel.ServiceUrl, "When is the seminar?", id: "next-1"));

        var calls = await _channel.WaitForCallsAsync(4);
        await Task.Delay(200); // let a wrongly queued extra answer surface before counting
        var replies = _channel.Calls.Where(c => c.Activity!.Type == ActivityTypes.Message).ToList();
        Assert.Equal(["retry-1", "next-1"], replies.Select(r => r.Activity!.ReplyToId));
    }

    [Fact]
    public async Task A_new_member_is_welcomed_once_and_the_bot_itself_is_not()
    {
        var update = BotAppFactory.Message(_channel.ServiceUrl, "");
        update.Type = ActivityTypes.ConversationUpdate;
        update.Text = null;
        update.MembersAdded = [new ChannelAccount { Id = "user-1", Name = "Ana" }, new ChannelAccount { Id = "bot-1" }];
        await _app.PostAsync(update);
        update.Id = Guid.NewGuid().ToString("N"); // a second, distinct update naming the same member
        await _app.PostAsync(update);
        await _app.PostAsync(BotAppFactory.Message(_channel.ServiceUrl, "When is the seminar?", id: "after-welcome"));

        await _channel.WaitForCallsAsync(3);
        var messages = _channel.Calls.Where(c => c.Activity!.Type == ActivityTypes.Message).ToList();
        Assert.Equal(2, messages.Count);
        Assert.StartsWith("Hello Ana!", messages[0].Activity!.Text);
        Assert.Equal("after-welcome", messages[1].Activity!.ReplyToId);
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        var response = await _app.CreateClient().PostAsync("/api/messages", new StringContent("{\"type\":\"message\",", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_missing_type_is_400()
    {
        var activity = BotAppFactory.Message(_channel.ServiceUrl, "hello");
        activity.Type = null;
        var response = await _app.CreateClient().PostAsync("/api/messages", new StringContent(Json(activity), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_256_KB_is_413()
    {
        var activity = BotAppFactory.Message(_channel.ServiceUrl, new string('a', 300 * 1024));
        var response = await _app.CreateClient().PostAsync("/api/messages", new StringContent(Json(activity), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_get_is_405()
    {
        var response = await _app.CreateClient().GetAsync("/api/messages");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_activity_type_is_200_and_ignored()
    {
        var activity = BotAppFactory.Message(_channel.ServiceUrl, "hello");
        activity.Type = "somethingNew";
        var response = await _app.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await _app.PostAsync(BotAppFactory.Message(_channel.ServiceUrl, "When is the seminar?", id: "after-unknown"));
        await _channel.WaitForCallsAsync(2);
        Assert.All(_channel.Calls, c => Assert.EndsWith("/after-unknown", c.RawPath));
    }

    [Fact]
    public async Task An_invoke_without_a_handler_is_501()
    {
        var activity = BotAppFactory.Message(_channel.ServiceUrl, "");
        activity.Type = ActivityTypes.Invoke;
        activity.Name = "adaptiveCard/action";
        var response = await _app.PostAsync(activity);
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task ExpectReplies_returns_the_replies_in_the_response_body()
    {
        var activity = BotAppFactory.Message(_channel.ServiceUrl, "Who chairs panel two?");
        activity.DeliveryMode = "expectReplies";

        var response = await _app.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var activities = body.RootElement.GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal(["typing", "message"], activities.Select(a => a.GetProperty("type").GetString()));
        Assert.Contains("Khalid Koser", activities[1].GetRawText());
        Assert.Empty(_channel.Calls);
    }
}
