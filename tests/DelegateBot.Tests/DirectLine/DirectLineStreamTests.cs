using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace DelegateBot.Tests.DirectLine;

/// <summary>The WebSocket at streamUrl: ActivitySet frames, replay after a watermark, pings, closing on expiry.</summary>
public sealed class DirectLineStreamTests
{
    [Fact]
    public async Task The_stream_delivers_the_echo_and_the_bots_reply_as_ActivitySets_with_increasing_watermarks()
    {
        await using var host = DirectLineHost.Start(bot: new TestBot { Welcome = "Welcome!" });
        var (token, conversationId, streamUrl) = await host.StartConversationAsync();
        using var socket = await ConnectAsync(streamUrl);

        await socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, true, CancellationToken.None); // a DLJS ping

        var received = new List<JsonObject>();
        var watermarks = new List<long>();
        var welcome = await ReceiveFrameAsync(socket); // the bot greets first
        watermarks.Add(long.Parse((string)welcome["watermark"]!));
        received.AddRange(((JsonArray)welcome["activities"]!).Select(a => a!.AsObject()));
        var id = await host.PostMessageAsync(conversationId, token, "hello", clientActivityId: "c-7");
        while (received.Count < 3)
        {
            var frame = await ReceiveFrameAsync(socket);
            watermarks.Add(long.Parse((string)frame["watermark"]!));
            received.AddRange(((JsonArray)frame["activities"]!).Select(a => a!.AsObject()));
        }

        Assert.Equal(["Welcome!", "hello", "echo: hello"], received.Select(a => (string)a["text"]!));
        Assert.Equal("c-7", (string)received[1]["channelData"]!["clientActivityID"]!);
        Assert.Equal(id, (string)received[1]["id"]!);
        Assert.Equal(id, (string)received[2]["replyToId"]!);
        Assert.Equal(watermarks.Order(), watermarks);
        Assert.Equal(3, watermarks[^1]);
    }

    [Fact]
    public async Task Reconnecting_with_a_watermark_resumes_after_it()
    {
        await using var host = DirectLineHost.Start(bot: new TestBot());
        var (token, conversationId, _) = await host.StartConversationAsync();
        await host.PostMessageAsync(conversationId, token, "first");
        await host.WaitForActivitiesAsync(conversationId, token, 2);

        // What DLJS does when its socket drops: GET the conversation with its watermark for a fresh streamUrl.
        var reconnect = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=2", token);
        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        var body = (await reconnect.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(token, (string)body["token"]!);
        var streamUrl = (string)body["streamUrl"]!;
        Assert.EndsWith("&watermark=2", streamUrl);

        using var socket = await ConnectAsync(streamUrl);
        await host.PostMessageAsync(conversationId, token, "second");
        var texts = new List<string>();
        while (texts.Count < 2)
            texts.AddRange(((JsonArray)(await ReceiveFrameAsync(socket))["activities"]!).Select(a => (string)a!["text"]!));
        Assert.Equal(["second", "echo: second"], texts);
    }

    [Fact]
    public async Task The_stream_closes_when_its_token_expires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-05-04T08:00:00Z"));
        await using var host = DirectLineHost.Start(time: time);
        var (_, _, streamUrl) = await host.StartConversationAsync();
        using var socket = await ConnectAsync(streamUrl);

        time.Advance(TimeSpan.FromMinutes(31));

        var buffer = new byte[1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        Assert.Equal("Token expired", socket.CloseStatusDescription);
    }

    [Fact]
    public async Task A_wrong_token_or_another_conversations_token_cannot_open_the_stream()
    {
        await using var host = DirectLineHost.Start();
        var (_, conversationA, streamA) = await host.StartConversationAsync();
        var (tokenB, _, _) = await host.StartConversationAsync();

        foreach (var url in new[]
        {
            streamA[..streamA.IndexOf("?t=", StringComparison.Ordinal)] + "?t=" + Uri.EscapeDataString(tokenB),
            streamA[..streamA.IndexOf("?t=", StringComparison.Ordinal)] + "?t=forged",
            streamA[..streamA.IndexOf("?t=", StringComparison.Ordinal)],
        })
        {
            using var socket = new ClientWebSocket();
            socket.Options.CollectHttpResponseDetails = true;
            await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(url), CancellationToken.None));
            Assert.True(socket.HttpStatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"{url} gave {socket.HttpStatusCode}");
        }
        Assert.NotNull(conversationA);
    }

    [Fact]
    public async Task A_plain_GET_of_the_stream_is_told_to_use_a_WebSocket()
    {
        await using var host = DirectLineHost.Start();
        var (token, conversationId, _) = await host.StartConversationAsync();
        var response = await host.Client.GetAsync($"/v3/directline/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("WebSocket", await response.Content.ReadAsStringAsync());
    }

    internal static async Task<ClientWebSocket> ConnectAsync(string streamUrl)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl.Replace("://localhost:", "://127.0.0.1:")), CancellationToken.None);
        return socket;
    }

    internal static async Task<JsonObject> ReceiveFrameAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            if (message.Length == 0) continue; // empty frames are keep-alives
            return JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!.AsObject();
        }
    }
}
