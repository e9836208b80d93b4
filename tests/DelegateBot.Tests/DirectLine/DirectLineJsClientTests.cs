using System.Text.Json.Nodes;

namespace DelegateBot.Tests.DirectLine;

/// <summary>
/// Microsoft's Direct Line client (npm botframework-directlinejs, the one inside Web Chat) against our endpoint,
/// in Node: tests/directline-js/directline-client.js, once polling and once over the WebSocket.
/// </summary>
public sealed class DirectLineJsClientTests
{
    [Theory]
    [InlineData("polling")]
    [InlineData("websocket")]
    public async Task The_npm_client_gets_echoes_and_replies_in_order_with_increasing_watermarks(string mode)
    {
        var folder = await NodeTools.PreparedFolderAsync(Path.Combine("tests", "directline-js"));
        var bot = new TestBot();
        await using var host = DirectLineHost.Start(bot: bot);

        var (code, output) = await NodeTools.RunAsync("node", ["directline-client.js", host.BaseAddress.ToString(), mode, "one", "two", "three"], folder, TimeSpan.FromSeconds(90));

        Assert.True(code == 0, $"directline-client.js {mode} exited {code}:\n{output}");
        var result = JsonNode.Parse(output.Trim().Split('\n')[^1])!.AsObject();
        Assert.Contains("Online", result["statuses"]!.AsArray().Select(s => (string)s!));
        var activities = result["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
        var userId = (string)result["userId"]!;

        Assert.Equal(["one", "echo: one", "two", "echo: two", "three", "echo: three"], activities.Select(a => (string)a["text"]!));
        for (var i = 0; i < activities.Count; i += 2)
        {
            var (echo, reply) = (activities[i], activities[i + 1]);
            Assert.Equal(userId, (string)echo["from"]!);
            Assert.Equal($"{mode}-{i / 2}", (string)echo["clientActivityID"]!);
            Assert.Equal((string)echo["id"]!, (string)reply["replyToId"]!);
            Assert.Equal("delegatebot", (string)reply["from"]!);
        }
        var watermarks = activities.Select(a => long.Parse((string)a["watermark"]!)).ToList();
        Assert.Equal(watermarks.Order(), watermarks);
        Assert.Equal(activities.Count, watermarks[^1]);
        Assert.Equal(4, bot.Received.Count); // conversationUpdate + three messages, each exactly once
    }
}
