using System.Security.Claims;
using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Connector;
using DelegateBot.BotFramework.Hosting;
using DelegateBot.BotFramework.Schema;
using DelegateBot.BotFramework.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace DelegateBot.BotFramework.Tests.Builder;

/// <summary>CloudAdapter.ProcessActivityAsync: a turn for an identity an in-process channel already trusts.</summary>
public sealed class CloudAdapterProcessActivityTests
{
    private readonly Mock<IInboundAuthenticator> _authenticator = new(MockBehavior.Strict);

    private CloudAdapter NewAdapter() => new(new ConnectorClient(new HttpClient()), new MemoryStorage(), _authenticator.Object,
        Options.Create(new BotFrameworkOptions()), NullLogger<CloudAdapter>.Instance, TimeProvider.System);

    private static Activity Message(string type = ActivityTypes.Message) => new()
    {
        Type = type, Id = "1", ChannelId = "directline", Text = "hi", ServiceUrl = "http://localhost:3978/directline/",
        Conversation = new ConversationAccount { Id = "c1" }, From = new ChannelAccount { Id = "u1" }, Recipient = new ChannelAccount { Id = "bot" },
    };

    [Fact]
    public async Task The_turn_runs_inline_with_the_given_identity_and_no_JWT_check()
    {
        await using var adapter = NewAdapter();
        var identity = new ClaimsIdentity([new Claim("iss", "test-channel")], "DirectLine");
        ClaimsIdentity? seen = null;
        var ran = false;

        await adapter.ProcessActivityAsync(identity, Message(), async (turn, ct) =>
        {
            await Task.Yield();
            seen = turn.TurnState.Get<ClaimsIdentity>();
            ran = true;
        });

        Assert.True(ran); // finished before ProcessActivityAsync returned
        Assert.Same(identity, seen);
        _authenticator.VerifyNoOtherCalls(); // the strict mock would have thrown on any authentication call
    }

    [Fact]
    public async Task The_bots_invoke_response_is_returned()
    {
        await using var adapter = NewAdapter();
        var response = await adapter.ProcessActivityAsync(new ClaimsIdentity("DirectLine"), Message(ActivityTypes.Invoke), (turn, ct) =>
        {
            turn.TurnState[ActivityHandler.InvokeResponseKey] = new InvokeResponse { Status = 200, Body = new { ok = true } };
            return Task.CompletedTask;
        });

        Assert.Equal(200, response!.Status);
    }

    [Fact]
    public async Task A_failing_turn_goes_to_OnTurnError_and_does_not_escape()
    {
        await using var adapter = NewAdapter();
        Exception? reported = null;
        adapter.OnTurnError = (turn, e) => { reported = e; return Task.CompletedTask; };

        await adapter.ProcessActivityAsync(new ClaimsIdentity("DirectLine"), Message(), (turn, ct) => throw new InvalidOperationException("boom"));

        Assert.Equal("boom", reported?.Message);
    }
}
