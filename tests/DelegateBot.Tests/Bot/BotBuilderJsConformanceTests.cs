using System.Text.Json.Nodes;
using DelegateBot.Tests.DirectLine;
using Microsoft.Data.Sqlite;

namespace DelegateBot.Tests.Bot;

/// <summary>
/// Conformance with Microsoft's Bot Framework JavaScript SDK (npm botbuilder 4.23.3): tests/botbuilder-js/root-bot.js
/// is a root bot calling the real host on Kestrel as a skill with the SDK's BotFrameworkClient, and takes the replies
/// with the SDK's CloudSkillHandler, which validates them (activity shape, token) and forwards them to the user's
/// conversation through the SDK's CloudAdapter. Once with real tokens from a loopback Entra (MSAL on both sides),
/// once with both bots in local mode.
/// </summary>
public sealed class BotBuilderJsConformanceTests : IAsyncLifetime
{
    private const string SkillAppId = "6a1c3f1e-7d2b-4c55-9e8a-1f0b2c3d4e5f";
    private const string RootAppId = "0b7e2a64-9c1d-4f3e-8a5b-6c7d8e9f0a1b";
    private const string Question = "Who chairs panel two?";
    private readonly string _data = Directory.CreateTempSubdirectory("delegatebot-botbuilder-js-").FullName;
    private TestTokenIssuer _issuer = null!;
    private BotAppFactory? _app;

    public async Task InitializeAsync() => _issuer = await TestTokenIssuer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_app != null) await _app.DisposeAsync();
        await _issuer.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private Uri StartBot(IDictionary<string, string?> settings)
    {
        _app = new BotAppFactory(_data, settings, _issuer.TrustedBy);
        return _app.StartOnLoopback();
    }

    private Uri StartAuthenticatedBot(string allowedCaller)
    {
        var settings = _issuer.BotSettings(SkillAppId);
        settings["AllowedCallers:0"] = allowedCaller;
        return StartBot(settings);
    }

    private async Task<(int Code, string Output)> RunRootBotAsync(JsonObject config)
    {
        var folder = await NodeTools.PreparedFolderAsync(Path.Combine("tests", "botbuilder-js"));
        // msal-node reaches the loopback Entra over https: Node trusts exactly its self-signed certificate.
        var pem = Path.Combine(_data, "loopback-entra.pem");
        await File.WriteAllTextAsync(pem, _issuer.CertificatePem);
        return await NodeTools.RunAsync("node", ["root-bot.js", config.ToJsonString()], folder, TimeSpan.FromSeconds(90),
            new Dictionary<string, string> { ["NODE_EXTRA_CA_CERTS"] = pem });
    }

    private static JsonObject LastJsonLine(string output) => JsonNode.Parse(output.Trim().Split('\n')[^1])!.AsObject();

    private static List<JsonObject> Messages(JsonArray records) =>
        [.. records.Select(r => r!.AsObject()).Where(r => (string?)r["activity"]!["type"] == "message")];

    /// <summary>The cited card, as the SDK's skill handler took it and as the root forwarded it to the user.</summary>
    private static void AssertCitedAnswer(JsonObject result)
    {
        var fromSkill = result["fromSkill"]!.AsArray();
        var answer = Assert.Single(Messages(fromSkill), r => (string?)r["route"] == "replyToActivity");
        Assert.Equal("user-message-1", (string?)answer["activity"]!["replyToId"]);
        // The typing indicator comes before the answer.
        var replies = fromSkill.Where(r => (string?)r!["activity"]!["replyToId"] == "user-message-1").Select(r => (string?)r!["activity"]!["type"]);
        Assert.Equal(["typing", "message"], replies);
        var card = answer["activity"]!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)card["contentType"]);
        Assert.Equal("1.4", (string?)card["content"]!["version"]);
        var cardText = card["content"]!.ToJsonString();
        Assert.Contains("Khalid Koser", cardText);
        Assert.Contains("Source: ", cardText);
        var welcome = Assert.Single(Messages(fromSkill), r => (string?)r["route"] == "sendToConversation");
        Assert.StartsWith("Hello Delegate!", (string?)welcome["activity"]!["text"]);

        var toUser = result["toUser"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var forwarded = Assert.Single(toUser, r => r["activity"]!["attachments"] is JsonArray);
        Assert.Equal("user-conversation-1", (string?)forwarded["conversationId"]);
        Assert.Contains("Khalid Koser", forwarded["activity"]!["attachments"]![0]!["content"]!.ToJsonString());
        Assert.Contains(toUser, r => ((string?)r["activity"]!["text"])?.StartsWith("Hello Delegate!", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_botbuilder_root_bot_with_tokens_gets_the_cited_answer_and_accepts_our_token()
    {
        var botUrl = StartAuthenticatedBot(allowedCaller: RootAppId);

        var (code, output) = await RunRootBotAsync(new JsonObject
        {
            ["botUrl"] = botUrl.ToString(), ["skillAppId"] = SkillAppId, ["rootAppId"] = RootAppId, ["rootPassword"] = "root-secret",
            ["authority"] = _issuer.AuthorityBaseUrl + "/botframework.com", ["openIdMetadataUrl"] = _issuer.EntraMetadataUrl,
            ["channelId"] = "webchat", ["question"] = Question,
        });

        Assert.True(code == 0, $"root-bot.js exited {code}:\n{output}");
        var result = LastJsonLine(output);
        Assert.Equal([200, 200], result["statuses"]!.AsArray().Select(s => (int)s!));
        AssertCitedAnswer(result);
        // Every reply carried a token the SDK validated: issued to us, for the root bot.
        Assert.All(result["fromSkill"]!.AsArray(), r =>
        {
            Assert.Equal(RootAppId, (string?)r!["claims"]!["aud"]);
            Assert.Equal(SkillAppId, (string?)r["claims"]!["appid"]);
            Assert.Equal(TestTokenIssuer.EntraIssuer(), (string?)r["claims"]!["iss"]);
        });
        var requests = _issuer.TokenRequests.Select(t => (t.Form["client_id"], t.Form["scope"])).ToList();
        Assert.Contains((RootAppId, SkillAppId + "/.default"), requests);   // the root, calling us
        Assert.Contains((SkillAppId, RootAppId + "/.default"), requests);   // us, replying to the root
    }

    [Fact]
    public async Task A_root_bot_missing_from_AllowedCallers_is_refused_401()
    {
        var botUrl = StartAuthenticatedBot(allowedCaller: Guid.NewGuid().ToString());

        var (code, output) = await RunRootBotAsync(new JsonObject
        {
            ["botUrl"] = botUrl.ToString(), ["skillAppId"] = SkillAppId, ["rootAppId"] = RootAppId, ["rootPassword"] = "root-secret",
            ["authority"] = _issuer.AuthorityBaseUrl + "/botframework.com", ["openIdMetadataUrl"] = _issuer.EntraMetadataUrl,
            ["question"] = Question,
        });

        Assert.Equal(1, code);
        Assert.Contains("DelegateBot answered 401", output);
    }

    [Fact]
    public async Task A_botbuilder_root_bot_in_local_mode_gets_the_cited_answer_without_tokens()
    {
        var botUrl = StartBot(new Dictionary<string, string?>());

        var (code, output) = await RunRootBotAsync(new JsonObject
        {
            ["botUrl"] = botUrl.ToString(), ["skillAppId"] = "", ["channelId"] = "emulator", ["question"] = Question,
        });

        Assert.True(code == 0, $"root-bot.js exited {code}:\n{output}");
        var result = LastJsonLine(output);
        AssertCitedAnswer(result);
        Assert.All(result["fromSkill"]!.AsArray(), r => Assert.Equal("anonymous", (string?)r!["authenticationType"]));
        Assert.Empty(_issuer.TokenRequests);
    }
}
