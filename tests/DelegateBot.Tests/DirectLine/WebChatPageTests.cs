using System.Net;

namespace DelegateBot.Tests.DirectLine;

/// <summary>The chat page and its assets as a browser gets them.</summary>
public sealed class WebChatPageTests
{
    [Fact]
    public async Task The_page_has_the_meetings_title_language_and_a_self_only_CSP()
    {
        await using var host = DirectLineHost.Start(new Dictionary<string, string?>
        {
            ["DirectLine:Page:Title"] = "GFMD <Summit> & Friends",
            ["DirectLine:Page:Language"] = "fr",
            ["DirectLine:Page:FrameAncestors:0"] = "https://meeting.example.org",
        });

        var response = await host.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"fr\">", html);
        Assert.Contains("<title>GFMD &lt;Summit&gt; &amp; Friends</title>", html);
        Assert.Contains("<h1>GFMD &lt;Summit&gt; &amp; Friends</h1>", html);
        Assert.Contains("<script src=\"/webchat/webchat.js\"></script>", html);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"nonce=\"{nonce}\"", html);
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("connect-src 'self';", csp);
        Assert.Contains("frame-ancestors 'self' https://meeting.example.org", csp);
        Assert.DoesNotContain("unsafe", csp);
        Assert.DoesNotContain("http:", csp.Replace("https://meeting.example.org", ""));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        var again = await host.Client.GetAsync("/");
        Assert.NotEqual(csp, again.Headers.GetValues("Content-Security-Policy").Single()); // a fresh nonce per response
    }

    [Theory]
    [InlineData("webchat.js", "text/javascript", "WebChat")]
    [InlineData("chat.js", "text/javascript", "createDirectLine")]
    [InlineData("chat.css", "text/css", ".banner")]
    public async Task The_assets_are_served_from_the_build_output_with_their_content_types(string name, string mediaType, string content)
    {
        await using var host = DirectLineHost.Start();

        var response = await host.Client.GetAsync($"/webchat/{name}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains(content, await response.Content.ReadAsStringAsync());

        var revalidate = new HttpRequestMessage(HttpMethod.Get, $"/webchat/{name}");
        revalidate.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await host.Client.SendAsync(revalidate)).StatusCode);
    }

    [Fact]
    public async Task Nothing_else_in_the_asset_folder_is_reachable()
    {
        await using var host = DirectLineHost.Start();
        foreach (var path in new[] { "/webchat/index.html", "/webchat/..%2Fappsettings.json", "/webchat/package.json" })
            Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_page_token_endpoint_is_not_cached()
    {
        await using var host = DirectLineHost.Start();
        var response = await host.Client.PostAsync("/directline/token", null);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
