using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;

namespace DelegateBot.DirectLine;

/// <summary>
/// The chat page at "/": Bot Framework Web Chat (installed from npm at build time, served from here, no CDN)
/// talking to our own Direct Line endpoint with a token from /directline/token. The page is a template
/// (wwwroot/webchat/index.html in the build output) filled with the meeting's title and language, and served
/// with a Content-Security-Policy that allows only this origin (plus per-response nonces for Web Chat's styles).
/// </summary>
public static class WebChatPage
{
    /// <summary>Where the build puts the page's files (see DelegateBot.csproj, target WebChatAssets).</summary>
    public static string AssetDirectory => Path.Combine(AppContext.BaseDirectory, "wwwroot", "webchat");

    /// <summary>The files /webchat/ serves; nothing else in the folder is reachable.</summary>
    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["webchat.js"] = "text/javascript; charset=utf-8",
        ["chat.js"] = "text/javascript; charset=utf-8",
        ["chat.css"] = "text/css; charset=utf-8",
    };

    private static readonly ConcurrentDictionary<string, string> Templates = new();

    /// <summary>CSP source for the empty string's SHA-256: lets an empty &lt;style&gt; element exist, nothing more.</summary>
    private static readonly string EmptyStyleHash = "sha256-" + Convert.ToBase64String(SHA256.HashData([]));

    internal static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", Page);
        routes.MapGet("/webchat/{name}", Asset);
        routes.MapPost(DirectLineServiceUrl.ConnectorPrefix + "/token", AnonymousToken);
    }

    private static IResult Page(HttpContext http, IOptions<DirectLineOptions> options)
    {
        var page = options.Value.Page;
        var templatePath = Path.Combine(AssetDirectory, "index.html");
        if (!File.Exists(templatePath)) return Missing("index.html");
        var template = Templates.GetOrAdd(templatePath, File.ReadAllText);
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        var html = template
            .Replace("{{lang}}", HtmlEncoder.Default.Encode(page.Language))
            .Replace("{{title}}", HtmlEncoder.Default.Encode(page.Title))
            .Replace("{{nonce}}", nonce);

        var headers = http.Response.Headers;
        var ancestors = string.Join(' ', ["'self'", .. page.FrameAncestors.Select(o => o.TrimEnd('/'))]);
        // Only this origin: scripts and connections (fetch, WebSocket) to self; Web Chat injects its styles with the nonce;
        // data: images are the icons Web Chat and Adaptive Cards embed. The hash is that of an EMPTY style element:
        // Web Chat 4.18's scroll-to-bottom creates one without the nonce and fills it through CSSOM (insertRule).
        headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src 'self'; style-src 'self' 'nonce-{nonce}' '{EmptyStyleHash}'; img-src 'self' data: blob:; font-src 'self'; " +
            $"connect-src 'self'; media-src 'self' blob:; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors {ancestors}";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static IResult Asset(string name, HttpContext http)
    {
        if (!Assets.TryGetValue(name, out var contentType)) return Results.NotFound();
        var path = Path.Combine(AssetDirectory, name);
        if (!File.Exists(path)) return Missing(name);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        // Revalidate every time: a rebuilt Web Chat or page script is picked up at once (304 otherwise).
        http.Response.Headers.CacheControl = "no-cache";
        var modified = File.GetLastWriteTimeUtc(path);
        return Results.File(path, contentType, lastModified: modified,
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{modified.Ticks:x}-{new FileInfo(path).Length:x}\""));
    }

    // POST /directline/token: the page's own token, for a fresh anonymous user, minted here so no secret reaches a browser.
    private static IResult AnonymousToken(HttpContext http, IOptions<DirectLineOptions> options, DirectLineTokenService tokens)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!options.Value.AnonymousTokensEnabled)
            return DirectLineErrors.Forbidden("AnonymousTokensDisabled",
                "This service's own chat page is switched off (Direct Line secrets are configured). Set DirectLine:AnonymousTokens to true to open it to everyone.");
        var issued = tokens.Issue(DirectLineApi.NewConversationId(), DirectLineApi.NewUserId(), null);
        return Results.Json(new { conversationId = issued.Claims.ConversationId, token = issued.Token, expires_in = issued.ExpiresIn, userId = issued.Claims.UserId });
    }

    private static IResult Missing(string name) => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "The chat page is not built",
        detail: $"{name} is missing from {AssetDirectory}. Build the project with npm on the PATH (`dotnet build src/DelegateBot`); the build installs Web Chat from npm.");
}
