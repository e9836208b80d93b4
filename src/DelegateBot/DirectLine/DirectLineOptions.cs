using System.ComponentModel.DataAnnotations;

namespace DelegateBot.DirectLine;

/// <summary>
/// Settings of our own Direct Line 3.0 endpoint and of the Web Chat page (configuration section "DirectLine").
/// Every value has a working default, so a newcomer's `dotnet run` serves a chat page at once.
/// </summary>
public sealed class DirectLineOptions : IValidatableObject
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// Direct Line secrets (production). A server that holds one calls POST /v3/directline/tokens/generate or
    /// starts conversations directly. Empty: tokens come only from the page's own /directline/token endpoint.
    /// </summary>
    public List<string> Secrets { get; set; } = [];

    /// <summary>How long a token is valid; Direct Line clients refresh at half this time (DLJS: every 15 min).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Base64 HMAC key that signs tokens (at least 32 bytes). Empty: a key kept in <see cref="KeyFile"/>.</summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>Where the generated signing key is kept, so tokens survive a restart (relative to the content root).</summary>
    public string KeyFile { get; set; } = "data/directline-token.key";

    /// <summary>
    /// Whether the page endpoint /directline/token hands tokens to anyone who opens the page.
    /// Default (null): yes when no secret is configured (development), no once <see cref="Secrets"/> are set.
    /// </summary>
    public bool? AnonymousTokens { get; set; }

    /// <summary>
    /// This service's base URL as the bot reaches it, e.g. http://localhost:3978. The bot's replies go to
    /// {ServiceUrl}/directline/. Default: the first address Kestrel listens on (never a request's Host header).
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The bot's account in Direct Line conversations (recipient of user activities).</summary>
    public string BotId { get; set; } = "delegatebot";

    public string BotName { get; set; } = "DelegateBot";

    /// <summary>Origins allowed to call /v3/directline from a browser. ["*"] (default) = any, like the hosted service:
    /// access rests on bearer tokens, never on cookies.</summary>
    public List<string> CorsOrigins { get; set; } = ["*"];

    /// <summary>Conversations kept in memory at most; the least recently used one is dropped beyond that.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 1000;

    /// <summary>Activities kept per conversation; older ones are dropped (the watermark keeps counting).</summary>
    [Range(10, 100_000)]
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>A conversation nobody has touched (no request, no open WebSocket) for this long is forgotten.</summary>
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>User activities waiting for the bot per conversation; beyond that a post gets 429.</summary>
    [Range(1, 10_000)]
    public int MaxPendingActivities { get; set; } = 64;

    public WebChatPageOptions Page { get; set; } = new();

    /// <summary>Anonymous page tokens are on unless secrets are configured, or when explicitly enabled.</summary>
    public bool AnonymousTokensEnabled => AnonymousTokens ?? Secrets.Count == 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TokenLifetime < TimeSpan.FromMinutes(1) || TokenLifetime > TimeSpan.FromDays(1))
            yield return new ValidationResult("DirectLine:TokenLifetime must be between 00:01:00 and 1.00:00:00.", [nameof(TokenLifetime)]);
        if (ConversationIdleTimeout < TimeSpan.FromMinutes(1))
            yield return new ValidationResult("DirectLine:ConversationIdleTimeout must be at least 00:01:00.", [nameof(ConversationIdleTimeout)]);
        for (var i = 0; i < Secrets.Count; i++)
            if (string.IsNullOrWhiteSpace(Secrets[i]) || Secrets[i].Length < 16)
                yield return new ValidationResult($"DirectLine:Secrets:{i} must be at least 16 characters (use e.g. `openssl rand -base64 32`).", [nameof(Secrets)]);
        if (!string.IsNullOrEmpty(TokenSigningKey))
        {
            var bytes = new byte[TokenSigningKey.Length];
            if (!Convert.TryFromBase64String(TokenSigningKey, bytes, out var length) || length < 32)
                yield return new ValidationResult("DirectLine:TokenSigningKey must be base64 of at least 32 bytes.", [nameof(TokenSigningKey)]);
        }
        if (!string.IsNullOrEmpty(ServiceUrl) && !(Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            yield return new ValidationResult("DirectLine:ServiceUrl must be an absolute http(s) URL such as http://localhost:3978.", [nameof(ServiceUrl)]);
        if (string.IsNullOrWhiteSpace(BotId))
            yield return new ValidationResult("DirectLine:BotId must not be empty.", [nameof(BotId)]);
        foreach (var origin in CorsOrigins)
            if (origin != "*" && !(Uri.TryCreate(origin, UriKind.Absolute, out var o) && o.Scheme is "http" or "https" && o.AbsolutePath == "/"))
                yield return new ValidationResult($"DirectLine:CorsOrigins entry '{origin}' must be \"*\" or an origin such as https://meeting.example.org.", [nameof(CorsOrigins)]);
        foreach (var result in Page.Validate())
            yield return result;
    }
}

/// <summary>The chat page at "/" (section "DirectLine:Page").</summary>
public sealed class WebChatPageOptions
{
    /// <summary>The meeting's title: the page title and heading.</summary>
    public string Title { get; set; } = "DelegateBot";

    /// <summary>The page's language (the html lang attribute) and Web Chat's locale, e.g. "en" or "fr-FR".</summary>
    public string Language { get; set; } = "en";

    /// <summary>Pages allowed to show the chat page in an iframe (CSP frame-ancestors), e.g. https://meeting.example.org.</summary>
    public List<string> FrameAncestors { get; set; } = [];

    internal IEnumerable<ValidationResult> Validate()
    {
        if (string.IsNullOrWhiteSpace(Title))
            yield return new ValidationResult("DirectLine:Page:Title must not be empty.", [nameof(Title)]);
        if (!System.Text.RegularExpressions.Regex.IsMatch(Language ?? "", "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"))
            yield return new ValidationResult($"DirectLine:Page:Language '{Language}' is not a language tag such as en or fr-FR.", [nameof(Language)]);
        foreach (var origin in FrameAncestors)
            if (!(Uri.TryCreate(origin, UriKind.Absolute, out var o) && o.Scheme is "http" or "https" && o.AbsolutePath == "/" && !origin.Contains(';')))
                yield return new ValidationResult($"DirectLine:Page:FrameAncestors entry '{origin}' must be an origin such as https://meeting.example.org.", [nameof(FrameAncestors)]);
    }
}
