using DelegateBot.BotFramework.Connector;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.Tests.Bot;

/// <summary>ConnectorClient against the loopback Connector v3 channel: paths, escaping, verbs, errors.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private TestChannel _channel = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _channel = await TestChannel.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _channel.DisposeAsync();
    }

    private Activity Outgoing(string serviceUrl, string? replyToId = null, string? id = null) => new()
    {
        Type = ActivityTypes.Message, Text = "hi", ServiceUrl = serviceUrl, ReplyToId = replyToId, Id = id,
        Conversation = new ConversationAccount { Id = "19:abc@thread.tacv2;messageid=1" },
    };

    [Fact]
    public async Task Send_update_and_delete_use_the_v3_routes_with_or_without_a_trailing_slash()
    {
        var client = new ConnectorClient(_http);
        var noSlash = _channel.ServiceUrl.TrimEnd('/');
        var conv = Uri.EscapeDataString("19:abc@thread.tacv2;messageid=1");

        var sent = await client.SendAsync(Outgoing(noSlash));
        await client.SendAsync(Outgoing(_channel.ServiceUrl + "/", replyToId: "1:x"));
        await client.UpdateAsync(Outgoing(_channel.ServiceUrl, id: "a b"));
        await client.DeleteAsync(noSlash, "19:abc@thread.tacv2;messageid=1", "a b");

        Assert.False(string.IsNullOrEmpty(sent!.Id));
        var calls = await _channel.WaitForCallsAsync(4);
        Assert.Equal(
        [
            ("POST", $"/v3/conversations/{conv}/activities"),
            ("POST", $"/v3/conversations/{conv}/activities/1%3Ax"),
            ("PUT", $"/v3/conversations/{conv}/activities/a%20b"),
            ("DELETE", $"/v3/conversations/{conv}/activities/a%20b"),
        ], calls.Select(c => (c.Method, c.RawPath)));
    }

    [Fact]
    public async Task A_bad_serviceUrl_is_refused_before_any_call()
    {
        var client = new ConnectorClient(_http);
        await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(Outgoing("file:///etc/passwd")));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(Outgoing("")));
    }

    [Fact]
    public async Task A_channel_error_status_surfaces_as_ConnectorException()
    {
        var client = new ConnectorClient(_http);
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => client.SendAsync(Outgoing(_channel.ServiceUrl.Replace("/v3", "") + "nope/")));
        Assert.Equal(404, ex.Status);
    }
}
