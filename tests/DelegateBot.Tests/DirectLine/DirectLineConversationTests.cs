using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Schema;
using DelegateBot.DirectLine;
using Microsoft.Extensions.Time.Testing;

namespace DelegateBot.Tests.DirectLine;

/// <summary>Conversations, echo, the bot's replies and watermarks, over real HTTP with a stand-in bot.</summary>
public sealed class DirectLineConversationTests
{
    [Fact]
    public async Task Starting_returns_201_then_200_and_tells_the_bot_who_joined_on_our_own_serviceUrl()
    {
        var bot = new TestBot();
        await using var host = DirectLineHost.Start(bot: bot);
        var token = (string)(await host.PageTokenAsync())["token"]!;

        var first = await host.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token, new { user = new { id = "ignored" }, locale = "fr-FR" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var conversation = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        var conversationId = (string)conversation["conversationId"]!;
        Assert.Equal(token, (string)conversation["token"]!);
        Assert.InRange((int)conversation["expires_in"]!, 1700, 1800);
        Assert.Equal($"ws://{host.BaseAddress.Authority}/v3/directline/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}", (string)conversation["streamUrl"]!);

        var again = await host.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(conversationId, (string)(await again.Content.ReadFromJsonAsync<JsonObject>())!["conversationId"]!);

        var update = await WaitForAsync(() => bot.Received.FirstOrDefault());
        var user = (string)DirectLineTokenTests.JwtPayload(token)["user"]!;
        Assert.Equal(ActivityTypes.ConversationUpdate, update.Type);
        Assert.Equal("directline", update.ChannelId);
        Assert.Equal($"http://{host.BaseAddress.Authority}/directline/", update.ServiceUrl);
        Assert.Equal(conversationId, update.Conversation!.Id);
        Assert.Equal("fr-FR", update.Locale);
        Assert.Equal([user, "delegatebot"], update.MembersAdded!.Select(m => m.Id));
        Assert.Equal("delegatebot", update.Recipient!.Id);
        Assert.Single(bot.Received); // the second POST did not start it again
    }

    [Fact]
    public async Task A_posted_message_is_echoed_with_server_id_timestamp_and_clientActivityID_then_the_reply_follows()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-05-04T09:30:00Z"));
        var bot = new TestBot();
        await using var host = DirectLineHost.Start(bot: bot, time: time);
        var (token, conversationId, _) = await host.StartConversationAsync();
        var user = (string)DirectLineTokenTests.JwtPayload(token)["user"]!;

        var id = await host.PostMessageAsync(conversationId, token, "who chairs panel two?", clientActivityId: "client-1");

        Assert.Equal($"{conversationId}|0000001", id);
        var activities = await host.WaitForActivitiesAsync(conversationId, token, 2);
        var echo = activities[0]!.AsObject();
        Assert.Equal(id, (string)echo["id"]!);
        Assert.Equal("client-1", (string)echo["channelData"]!["clientActivityID"]!);
        Assert.Equal(DateTimeOffset.Parse("2026-05-04T09:30:00Z"), DateTimeOffset.Parse((string)echo["timestamp"]!));
        Assert.Equal(user, (string)echo["from"]!["id"]!); // the token's user, not the "someone-else" the client wrote
        Assert.Equal("Delegate", (string)echo["from"]!["name"]!);
        Assert.Equal(conversationId, (string)echo["conversation"]!["id"]!);
        Assert.Null(echo["serviceUrl"]);

        var reply = activities[1]!.AsObject();
        Assert.Equal("echo: who chairs panel two?", (string)reply["text"]!);
        Assert.Equal(id, (string)reply["replyToId"]!);
        Assert.Equal("delegatebot", (string)reply["from"]!["id"]!);
        Assert.Equal($"{conversationId}|0000002", (string)reply["id"]!);

        // The bot got the message as the channel sends it.
        var received = bot.Received.Single(a => a.Type == ActivityTypes.Message);
        Assert.Equal(id, received.Id);
        Assert.Equal("directline", received.ChannelId);
        Assert.Equal(user, received.From!.Id);
        Assert.Equal("user", received.From.Role);
        Assert.Equal($"http://{host.BaseAddress.Authority}/directline/", received.ServiceUrl);
        Assert.Equal("client-1", received.ChannelData!.Value.GetProperty("clientActivityID").GetString());
    }

    [Fact]
    public async Task Replies_arrive_in_order_with_increasing_watermarks()
    {
        await using var host = DirectLineHost.Start(bot: new TestBot { Welcome = "Welcome!" });
        var (token, conversationId, _) = await host.StartConversationAsync();
        await host.WaitForActivitiesAsync(conversationId, token, 1); // the greeting comes first

        foreach (var text in new[] { "one", "two", "three" })
            await host.PostMessageAsync(conversationId, token, text);

        var activities = await host.WaitForActivitiesAsync(conversationId, token, 7);
        var texts = activities.Select(a => (string)a!["text"]!).ToList();
        Assert.Equal("Welcome!", texts[0]);
        // Echoes are stored at once, replies when the bot's turn sends them: each stream keeps its order.
        Assert.Equal(["one", "two", "three"], texts.Where(t => !t.StartsWith("echo")).Skip(1));
        Assert.Equal(["echo: one", "echo: two", "echo: three"], texts.Where(t => t.StartsWith("echo")));
        foreach (var text in new[] { "one", "two", "three" })
            Assert.True(texts.IndexOf(text) < texts.IndexOf("echo: " + text));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"{conversationId}|{i:D7}"), activities.Select(a => (string)a!["id"]!));
        var (_, watermark) = await host.GetActivitiesAsync(conversationId, token);
        Assert.Equal("7", watermark);
        var (newer, sameWatermark) = await host.GetActivitiesAsync(conversationId, token, "5");
        Assert.Equal(texts.Skip(5), newer.Select(a => (string)a!["text"]!));
        Assert.Equal("7", sameWatermark);
        var (none, unchanged) = await host.GetActivitiesAsync(conversationId, token, "7");
        Assert.Empty(none);
        Assert.Equal("7", unchanged);
    }

    [Fact]
    public async Task Activities_are_paged_by_watermark_and_a_bad_watermark_gets_400()
    {
        await using var host = DirectLineHost.Start(); // no bot: only the echoes
        var (token, conversationId, _) = await host.StartConversationAsync();
        for (var i = 1; i <= DirectLineApi.PageSize + 20; i++)
            await host.PostMessageAsync(conversationId, token, $"m{i}");

        var (page1, mark1) = await host.GetActivitiesAsync(conversationId, token);
        Assert.Equal(DirectLineApi.PageSize, page1.Count);
        Assert.Equal("m1", (string)page1[0]!["text"]!);
        Assert.Equal(DirectLineApi.PageSize.ToString(), mark1);
        var (page2, mark2) = await host.GetActivitiesAsync(conversationId, token, mark1);
        Assert.Equal(20, page2.Count);
        Assert.Equal($"m{DirectLineApi.PageSize + 1}", (string)page2[0]!["text"]!);
        Assert.Equal((DirectLineApi.PageSize + 20).ToString(), mark2);

        var bad = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=abc", token);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Watermark 'abc'", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_token_of_one_conversation_cannot_read_or_write_another()
    {
        await using var host = DirectLineHost.Start(bot: new TestBot());
        var (tokenA, conversationA, _) = await host.StartConversationAsync();
        var (tokenB, conversationB, _) = await host.StartConversationAsync();
        await host.PostMessageAsync(conversationB, tokenB, "private to B");

        foreach (var (method, path) in new[]
        {
            (HttpMethod.Get, $"/v3/directline/conversations/{conversationB}/activities"),
            (HttpMethod.Get, $"/v3/directline/conversations/{conversationB}"),
            (HttpMethod.Get, $"/v3/directline/conversations/{conversationB}/stream"),
            (HttpMethod.Post, $"/v3/directline/conversations/{conversationB}/activities"),
            (HttpMethod.Get, "/v3/directline/conversations/no-such-conversation/activities"),
        })
        {
            var response = await host.SendAsync(method, path, tokenA, method == HttpMethod.Post ? new { type = "message", text = "intrusion" } : null);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("private to B", await response.Content.ReadAsStringAsync());
        }
        var ownActivities = await host.WaitForActivitiesAsync(conversationB, tokenB, 2);
        Assert.DoesNotContain(ownActivities, a => (string?)a!["text"] == "intrusion");
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationA}/activities", tokenA)).StatusCode);
    }

    [Fact]
    public async Task A_secret_holder_may_start_a_conversation_directly_and_read_any()
    {
        var settings = new Dictionary<string, string?> { ["DirectLine:Secrets:0"] = DirectLineHost.Secret };
        await using var host = DirectLineHost.Start(settings, bot: new TestBot());
        var started = await host.SendAsync(HttpMethod.Post, "/v3/directline/conversations", DirectLineHost.Secret, new { user = new { id = "organiser-test" } });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var body = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        var conversationId = (string)body["conversationId"]!;
        Assert.DoesNotContain(DirectLineHost.Secret, (string)body["streamUrl"]!); // a secret never goes into a URL
        Assert.Equal("organiser-test", (string)DirectLineTokenTests.JwtPayload((string)body["token"]!)["user"]!);

        await host.PostMessageAsync(conversationId, DirectLineHost.Secret, "hello");
        var activities = await host.WaitForActivitiesAsync(conversationId, DirectLineHost.Secret, 2);
        Assert.Equal("organiser-test", (string)activities[0]!["from"]!["id"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", DirectLineHost.Secret)).StatusCode);
    }

    [Fact]
    public async Task Bad_posts_get_clear_400s_and_lose_nothing()
    {
        await using var host = DirectLineHost.Start();
        var (token, conversationId, _) = await host.StartConversationAsync();
        var path = $"/v3/directline/conversations/{conversationId}/activities";

        var notJson = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };
        notJson.Headers.Authorization = new("Bearer", token);
        var response = await host.Client.SendAsync(notJson);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync());

        var channelType = await host.SendAsync(HttpMethod.Post, path, token, new { type = "conversationUpdate" });
        Assert.Equal(HttpStatusCode.BadRequest, channelType.StatusCode);
        Assert.Contains("cannot be posted", await channelType.Content.ReadAsStringAsync());

        var steering = await host.SendAsync(HttpMethod.Post, path, token, new { type = "message", text = "sneaky", deliveryMode = "expectReplies", callerId = "urn:botframework:azure", serviceUrl = "https://evil.example" });
        Assert.Equal(HttpStatusCode.OK, steering.StatusCode);
        var (stored, _) = await host.GetActivitiesAsync(conversationId, token);
        Assert.All(stored, a => Assert.True(a!["deliveryMode"] is null && a["callerId"] is null && a["serviceUrl"] is null));

        var tooBig = await host.SendAsync(HttpMethod.Post, path, token, new { type = "message", text = new string('x', DirectLineApi.MaxActivityBytes + 1) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);

        await host.PostMessageAsync(conversationId, token, "still fine");
        var (activities, _) = await host.GetActivitiesAsync(conversationId, token);
        Assert.Equal(["sneaky", "still fine"], activities.Select(a => (string)a!["text"]!));
    }

    [Fact]
    public async Task When_the_bot_falls_behind_posts_get_429_with_Retry_After_and_nothing_is_half_stored()
    {
        var gate = new SemaphoreSlim(0);
        var bot = new TestBot { Gate = gate };
        await using var host = DirectLineHost.Start(new Dictionary<string, string?> { ["DirectLine:MaxPendingActivities"] = "2" }, bot: bot);
        var (token, conversationId, _) = await host.StartConversationAsync();
        await WaitForAsync(() => bot.Received.FirstOrDefault()); // the conversationUpdate holds the bot

        await host.PostMessageAsync(conversationId, token, "one");
        await host.PostMessageAsync(conversationId, token, "two");
        var refused = await host.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, new { type = "message", text = "three" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("2", refused.Headers.GetValues("Retry-After").Single());
        var (activities, _) = await host.GetActivitiesAsync(conversationId, token);
        Assert.Equal(["one", "two"], activities.Select(a => (string)a!["text"]!));

        gate.Release(10);
        await host.WaitForActivitiesAsync(conversationId, token, 4);
        await host.PostMessageAsync(conversationId, token, "three");
    }

    [Fact]
    public async Task Idle_conversations_are_forgotten_and_then_answer_404()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-05-04T08:00:00Z"));
        await using var host = DirectLineHost.Start(new Dictionary<string, string?> { ["DirectLine:ConversationIdleTimeout"] = "00:10:00" }, time: time);
        var (token, conversationId, _) = await host.StartConversationAsync();
        var store = host.Get<DirectLineConversationStore>();

        // Each use resets the idle clock (the background sweeper also runs on this fake clock, every minute).
        time.Advance(TimeSpan.FromMinutes(9));
        await host.PostMessageAsync(conversationId, token, "still here");
        time.Advance(TimeSpan.FromMinutes(9));
        store.RemoveIdle();
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token)).StatusCode);
        time.Advance(TimeSpan.FromMinutes(11));
        store.RemoveIdle();
        Assert.Equal(0, store.Count);

        var gone = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Memory_is_bounded_per_conversation_and_in_conversations()
    {
        await using var host = DirectLineHost.Start(new Dictionary<string, string?>
        {
            ["DirectLine:MaxActivitiesPerConversation"] = "10",
            ["DirectLine:MaxConversations"] = "2",
        });
        var (token, conversationId, _) = await host.StartConversationAsync();
        for (var i = 1; i <= 15; i++)
            await host.PostMessageAsync(conversationId, token, $"m{i}");

        var (kept, watermark) = await host.GetActivitiesAsync(conversationId, token);
        Assert.Equal(Enumerable.Range(6, 10).Select(i => $"m{i}"), kept.Select(a => (string)a!["text"]!));
        Assert.Equal("15", watermark);

        // A third conversation pushes out the least recently used one (the first, untouched since).
        var (secondToken, second, _) = await host.StartConversationAsync();
        await host.PostMessageAsync(second, secondToken, "recent");
        await host.StartConversationAsync();
        Assert.Equal(2, host.Get<DirectLineConversationStore>().Count);
        Assert.Equal(HttpStatusCode.NotFound, (await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{second}/activities", secondToken)).StatusCode);
    }

    [Fact]
    public async Task Browsers_on_other_origins_may_call_with_Authorization_content_type_and_x_ms_bot_agent()
    {
        await using var host = DirectLineHost.Start();
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        preflight.Headers.Add("Origin", "https://meeting.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");

        var response = await host.Client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowed = response.Headers.GetValues("Access-Control-Allow-Headers").Single().ToLowerInvariant();
        Assert.Contains("authorization", allowed);
        Assert.Contains("content-type", allowed);
        Assert.Contains("x-ms-bot-agent", allowed);
    }

    [Fact]
    public async Task Configured_CORS_origins_are_the_only_ones_allowed()
    {
        await using var host = DirectLineHost.Start(new Dictionary<string, string?> { ["DirectLine:CorsOrigins:0"] = "https://meeting.example.org" });
        foreach (var (origin, allowed) in new[] { ("https://meeting.example.org", true), ("https://elsewhere.example.com", false) })
        {
            var preflight = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "authorization");
            var response = await host.Client.SendAsync(preflight);
            Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);
        }
    }

    internal static async Task<T> WaitForAsync<T>(Func<T?> probe) where T : class
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (probe() is { } value) return value;
            await Task.Delay(20, timeout.Token);
        }
    }
}
