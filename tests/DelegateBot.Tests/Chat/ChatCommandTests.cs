using System.Text.Json;
using System.Text.Json.Nodes;
using DelegateBot.Bot;
using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Schema;
using DelegateBot.Cli;
using DelegateBot.Hosting;
using DelegateBot.Tests.Bot;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DelegateBot.Tests.Chat;

/// <summary>The chat verb against the real host on Kestrel: everything goes through /api/messages and back.</summary>
public sealed class ChatCommandTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("delegatebot-chat-").FullName;
    private BotAppFactory? _app;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app != null) await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private static async Task<(int Code, string Out, string Err)> Chat(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await DelegateBotApp.RunAsync(["chat", .. args], new CliContext([], new StringReader(stdin), output, error));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_chat_shows_the_welcome_the_cited_card_and_sends_the_buttons_picked_by_number()
    {
        _app = new BotAppFactory(_data, services: s => s.AddSingleton<IConversationFeature, ButtonsFeature>());
        var url = _app.StartOnLoopback();

        var (code, stdout, stderr) = await Chat("Who chairs panel two?\nshow me buttons\n1\nshow me buttons\n2\nshow me buttons\n4\nshow me buttons\n3\nexit\nnever sent\n",
            "--url", url.ToString(), "--user", "Ana");

        Assert.True(code == 0, stderr);
        var lines = stdout.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("DelegateBot: Hello Ana! I answer questions", lines[0]);
        Assert.Equal("You: Who chairs panel two?", lines[1]);
        Assert.Matches("^DelegateBot: .*Khalid Koser", lines[2]);
        Assert.StartsWith("  Source: ", lines[3]);
        Assert.StartsWith("  > ", lines[4]);   // the excerpt, quoted
        Assert.Equal(
        [
            "You: show me buttons",
            "DelegateBot: Pick one",
            "  Room: Conference Room 4",
            "  [1] Alpha",
            "  [2] Words",
            "  [3] Agenda (https://example.org/agenda)",
            "  [4] Beta",
            "You: Alpha",
            "DelegateBot: value {\"choice\":\"alpha\"}",
        ], lines[5..14]);
        // Each round shows the card again (7 lines) before the pick.
        Assert.Equal(["You: Words", "DelegateBot: text typed words"], lines[21..23]);
        Assert.Equal(["You: Beta", "DelegateBot: text Beta"], lines[30..32]);
        Assert.Equal("Open https://example.org/agenda", lines[39]);
        Assert.Equal(40, lines.Length);
        Assert.DoesNotContain(lines, l => l.Contains("never sent"));
    }

    [Fact]
    public async Task An_unreachable_bot_is_reported_with_how_to_start_it()
    {
        var (code, _, stderr) = await Chat("hello\n", "--url", "http://127.0.0.1:9/api/messages");

        Assert.Equal(1, code);
        Assert.Contains("Could not reach the bot at http://127.0.0.1:9/api/messages", stderr);
        Assert.Contains("dotnet run --project src/DelegateBot", stderr);
    }

    [Fact]
    public async Task A_bot_that_needs_tokens_is_explained_not_retried()
    {
        _app = new BotAppFactory(_data, new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "6a1c3f1e-7d2b-4c55-9e8a-1f0b2c3d4e5f",
            ["MicrosoftAppPassword"] = "secret",
        });
        var url = _app.StartOnLoopback();

        var (code, stdout, stderr) = await Chat("hello\n", "--url", url.ToString());

        Assert.Equal(1, code);
        Assert.Contains("asks for a Bot Framework token (it has a MicrosoftAppId)", stderr);
        Assert.Empty(stdout);
    }

    [Theory]
    [InlineData("--url", "ftp://example.org/", "is not an http(s) URL")]
    [InlineData("--wait", "soon", "--wait takes a whole number of seconds")]
    [InlineData("--colour", "blue", "unknown or incomplete option --colour")]
    public async Task Bad_options_are_refused_before_anything_starts(string option, string value, string message)
    {
        var (code, _, stderr) = await Chat("", option, value);

        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
    }

    /// <summary>A feature in the real bot that offers every kind of button and says what a pick sent.</summary>
    private sealed class ButtonsFeature : IConversationFeature
    {
        public async Task<bool> TryHandleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            var activity = turnContext.Activity;
            if (activity.Text == "show me buttons")
            {
                var card = AdaptiveCard.Attachment("Pick one",
                    [
                        new JsonObject { ["type"] = "TextBlock", ["text"] = "Pick one", ["weight"] = "Bolder" },
                        new JsonObject { ["type"] = "FactSet", ["facts"] = new JsonArray { new JsonObject { ["title"] = "Room", ["value"] = "Conference Room 4" } } },
                    ],
                    [
                        new JsonObject { ["type"] = "Action.Submit", ["title"] = "Alpha", ["data"] = new JsonObject { ["choice"] = "alpha" } },
                        new JsonObject { ["type"] = "Action.Submit", ["title"] = "Words", ["data"] = "typed words" },
                        new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Agenda", ["url"] = "https://example.org/agenda" },
                    ]);
                var reply = Activity.CreateMessageActivity();
                reply.Attachments = [card];
                reply.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("Beta")] };
                await turnContext.SendActivityAsync(reply, cancellationToken);
                return true;
            }
            if (activity.Value is { ValueKind: JsonValueKind.Object } value)
            {
                await turnContext.SendActivityAsync("value " + value.GetRawText(), cancellationToken);
                return true;
            }
            if (activity.Text is "typed words" or "Beta")
            {
                await turnContext.SendActivityAsync("text " + activity.Text, cancellationToken);
                return true;
            }
            return false;
        }
    }
}
