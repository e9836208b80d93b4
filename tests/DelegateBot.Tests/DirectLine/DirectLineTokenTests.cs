using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace DelegateBot.Tests.DirectLine;

/// <summary>Direct Line tokens over real HTTP: generate with a secret, refresh, expiry on a fake clock, forgery.</summary>
public sealed class DirectLineTokenTests
{
    private static readonly Dictionary<string, string?> WithSecret = new() { ["DirectLine:Secrets:0"] = DirectLineHost.Secret };

    [Fact]
    public async Task Generate_with_the_secret_returns_a_token_for_a_new_conversation_and_the_given_user()
    {
        await using var host = DirectLineHost.Start(WithSecret);

        var response = await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineHost.Secret,
            new { user = new { id = "delegate-42", name = "Amina" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False(string.IsNullOrEmpty((string?)body["conversationId"]));
        Assert.Equal(1800, (int)body["expires_in"]!);
        // botframework-directlinejs reads the user id from the token's "user" claim.
        var payload = JwtPayload((string)body["token"]!);
        Assert.Equal("delegate-42", (string)payload["user"]!);
        Assert.Equal((string)body["conversationId"]!, (string)payload["conv"]!);

        var second = (await (await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineHost.Secret)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotEqual((string)body["conversationId"]!, (string)second["conversationId"]!);
        Assert.StartsWith("dl_", (string)JwtPayload((string)second["token"]!)["user"]!);
    }

    [Fact]
    public async Task Generate_refuses_a_missing_or_wrong_secret_and_a_token()
    {
        await using var host = DirectLineHost.Start(WithSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", "not-the-secret-at-all-000")).StatusCode);
        var token = (string)(await (await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineHost.Secret)).Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        var withToken = await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", token);
        Assert.Equal(HttpStatusCode.Forbidden, withToken.StatusCode);
        Assert.Contains("secret", await withToken.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_configured_secret_generate_is_refused_and_the_page_endpoint_issues_anonymous_tokens()
    {
        await using var host = DirectLineHost.Start();

        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", "anything-long-enough-000")).StatusCode);
        var page = await host.PageTokenAsync();
        Assert.StartsWith("dl_", (string)page["userId"]!);
        Assert.Equal((string)page["userId"]!, (string)JwtPayload((string)page["token"]!)["user"]!);
    }

    [Fact]
    public async Task With_secrets_configured_the_page_endpoint_is_closed_unless_explicitly_opened()
    {
        await using (var host = DirectLineHost.Start(WithSecret))
        {
            var refused = await host.Client.PostAsync("/directline/token", null);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("DirectLine:AnonymousTokens", await refused.Content.ReadAsStringAsync());
        }
        await using (var host = DirectLineHost.Start(new Dictionary<string, string?>(WithSecret) { ["DirectLine:AnonymousTokens"] = "true" }))
            Assert.Equal(HttpStatusCode.OK, (await host.Client.PostAsync("/directline/token", null)).StatusCode);
    }

    [Fact]
    public async Task Refresh_gives_a_new_token_for_the_same_conversation_and_an_expired_token_gets_403()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-05-04T08:00:00Z"));
        await using var host = DirectLineHost.Start(time: time);
        var (token, conversationId, _) = await host.StartConversationAsync();

        time.Advance(TimeSpan.FromMinutes(15));
        var refreshed = await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var body = (await refreshed.Content.ReadFromJsonAsync<JsonObject>())!;
        var newToken = (string)body["token"]!;
        Assert.NotEqual(token, newToken);
        Assert.Equal(conversationId, (string)body["conversationId"]!);
        Assert.Equal(JwtPayload(token)["user"]!.ToString(), JwtPayload(newToken)["user"]!.ToString());

        // 31 minutes after the first token: it is dead, the refreshed one (issued at +15) lives on.
        time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token)).StatusCode);
        var expired = await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("TokenExpired", await expired.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", newToken)).StatusCode);

        time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", newToken, new { type = "message", text = "late" })).StatusCode);
    }

    [Fact]
    public async Task Token_lifetime_is_configurable()
    {
        await using var host = DirectLineHost.Start(new Dictionary<string, string?> { ["DirectLine:TokenLifetime"] = "00:05:00" });
        Assert.Equal(300, (int)(await host.PageTokenAsync())["expires_in"]!);
    }

    [Fact]
    public async Task Tampered_forged_and_malformed_tokens_get_403()
    {
        await using var host = DirectLineHost.Start();
        var (token, conversationId, _) = await host.StartConversationAsync();
        var path = $"/v3/directline/conversations/{conversationId}/activities";

        // Same header and signature, payload claiming another user.
        var parts = token.Split('.');
        var payload = JwtPayload(token);
        payload["user"] = "dl_someone_else";
        var tampered = parts[0] + "." + Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString())) + "." + parts[2];
        // A token signed by another installation (another key file).
        string foreign;
        await using (var other = DirectLineHost.Start())
            foreign = (string)(await other.PageTokenAsync())["token"]!;

        foreach (var bad in new[] { tampered, foreign, "garbage", parts[0] + "." + parts[1] + ".", "a.b.c" })
        {
            var response = await host.SendAsync(HttpMethod.Get, path, bad);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Get, path, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", tampered)).StatusCode);
    }

    [Fact]
    public async Task The_signing_key_is_kept_in_the_data_folder_so_tokens_survive_a_restart()
    {
        var data = Directory.CreateTempSubdirectory("delegatebot-dl-restart-").FullName;
        try
        {
            string token;
            await using (var first = DirectLineHost.Start(dataDirectory: data))
                token = (string)(await first.PageTokenAsync())["token"]!;
            var keyFile = Path.Combine(data, "directline-token.key");
            Assert.True(File.Exists(keyFile));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));

            await using var second = DirectLineHost.Start(dataDirectory: data);
            var refreshed = await second.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void A_short_secret_stops_the_host_at_start_with_a_clear_message()
    {
        var error = Assert.ThrowsAny<Exception>(() => DirectLineHost.Start(new Dictionary<string, string?> { ["DirectLine:Secrets:0"] = "short" }));
        Assert.Contains("DirectLine:Secrets:0 must be at least 16 characters", Flatten(error));
    }

    internal static JsonObject JwtPayload(string token)
        => JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1]))!.AsObject();

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " " + Flatten(e.InnerException);
}
