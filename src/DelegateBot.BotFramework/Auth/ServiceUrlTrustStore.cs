using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Storage;

namespace DelegateBot.BotFramework.Auth;

/// <summary>
/// The serviceUrls an authenticated inbound activity vouched for, each with the audience the bot's token for it
/// must carry (the Bot Framework channel scope, or a calling bot's app id for a skill conversation). Kept durably
/// so proactive messages after a restart, or from another instance, still carry a token.
/// </summary>
public interface IServiceUrlTrustStore
{
    /// <summary>The audience trusted for <paramref name="serviceUrl"/>, or null when no authenticated activity vouched for it.</summary>
    Task<string?> GetAudienceAsync(string serviceUrl, CancellationToken cancellationToken = default);

    /// <summary>Records (or replaces) the audience of <paramref name="serviceUrl"/>.</summary>
    Task TrustAsync(string serviceUrl, string audience, CancellationToken cancellationToken = default);
}

/// <summary>The trusted serviceUrls as items of the bot's <see cref="IStorage"/> (the SQLite state file in the host).</summary>
public sealed class StorageServiceUrlTrustStore(IStorage storage) : IServiceUrlTrustStore
{
    private const string KeyPrefix = "botframework/trustedServiceUrls/";

    /// <summary>The form serviceUrls are compared in: trimmed, no trailing '/', case-insensitive.</summary>
    public static string Normalize(string serviceUrl) => serviceUrl.Trim().TrimEnd('/').ToLowerInvariant();

    private static string Key(string serviceUrl) => KeyPrefix + Uri.EscapeDataString(Normalize(serviceUrl));

    public async Task<string?> GetAudienceAsync(string serviceUrl, CancellationToken cancellationToken = default)
    {
        var key = Key(serviceUrl);
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(key, out var value) && value is JsonObject item ? item["audience"]?.GetValue<string>() : null;
    }

    public Task TrustAsync(string serviceUrl, string audience, CancellationToken cancellationToken = default)
        // "*": last writer wins; two instances vouching for the same URL write the same value.
        => storage.WriteAsync(new Dictionary<string, object>
        {
            [Key(serviceUrl)] = new JsonObject
            {
                ["serviceUrl"] = Normalize(serviceUrl),
                ["audience"] = audience,
                [StorageJson.ETagProperty] = "*",
            },
        }, cancellationToken);
}
