using DelegateBot.BotFramework.Testing;

namespace DelegateBot.BotFramework.Tests.Testing;

public class TestFlowTests
{
    private static TestFlow Echo() => new(new TestAdapter(), (tc, ct) => tc.SendActivityAsync($"echo: {tc.Activity.Text}", ct));

    [Fact]
    public Task Passes_when_the_bot_replies_as_expected()
        => Echo().Send("hi").AssertReply("echo: hi").AssertNoReply().Test("again", "again").StartTestAsync();

    [Fact]
    public async Task A_wrong_reply_fails_with_the_transcript()
    {
        var ex = await Assert.ThrowsAsync<TestFlowException>(() => Echo().Send("hi").AssertReply("hello").StartTestAsync());
        Assert.Contains("expected the reply \"hello\"", ex.Message);
        Assert.Contains("user: hi", ex.Message);
        Assert.Contains("bot:  echo: hi", ex.Message);
    }

    [Fact]
    public async Task A_missing_reply_fails()
    {
        var ex = await Assert.ThrowsAsync<TestFlowException>(() => Echo().Send("hi").AssertReply("echo: hi").AssertReplyContains("more").StartTestAsync());
        Assert.Contains("sent nothing more", ex.Message);
    }

    [Fact]
    public async Task An_unexpected_reply_fails_no_reply()
        => await Assert.ThrowsAsync<TestFlowException>(() => Echo().Send("hi").AssertNoReply().StartTestAsync());

    [Fact]
    public async Task Replies_are_addressed_to_the_user_of_the_conversation()
    {
        var adapter = new TestAdapter(channelId: "emulator", locale: "fr-FR");
        await adapter.SendTextToBotAsync("salut", (tc, ct) => tc.SendActivityAsync("bonjour", ct));
        var reply = adapter.GetNextReply()!;
        Assert.Equal("user1", reply.Recipient!.Id);
        Assert.Equal("bot", reply.From!.Id);
        Assert.Equal("emulator", reply.ChannelId);
        Assert.Equal("fr-FR", reply.Locale);
        Assert.NotNull(reply.ReplyToId);
    }
}
