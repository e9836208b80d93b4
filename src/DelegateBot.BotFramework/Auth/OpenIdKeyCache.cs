using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace DelegateBot.BotFramework.Auth;

/// <summary>The signing keys of one OpenID metadata document, with each key's channel endorsements.</summary>
public sealed record OpenIdKeys(IReadOnlyList<SecurityKey> Keys, IReadOnlyDictionary<string, string[]> Endorsements, DateTimeOffset FetchedAt);

/// <summary>
/// Fetches OpenID metadata and its JWKS, keeping the non-standard <c>endorsements</c> array of each key, which
/// the standard configuration manager drops. Cached for a day; refreshed early (at most every 5 minutes) when a
/// token names a key id we do not know, since Microsoft rolls keys.
/// </summary>
public sealed class OpenIdKeyCache(HttpClient http, string metadataUrl, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private static readonly TimeSpan MinimumRefresh = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private OpenIdKeys? _current;

    public async Task<OpenIdKeys> GetAsync(string? keyId, CancellationToken ct)
    {
        var current = _current;
        var now = time.GetUtcNow();
        var stale = current is null || now - current.FetchedAt > Lifetime
            || (keyId != null && !current.Keys.Any(k => k.KeyId == keyId) && now - current.FetchedAt > MinimumRefresh);
        if (!stale) return current!;
        await _refresh.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!ReferenceEquals(current, _current) && _current != null) return _current;
            try { _current = await FetchAsync(ct).ConfigureAwait(false); }
            catch (Exception) when (_current != null) { /* keep serving the keys we have if the refresh fails */ }
            return _current!;
        }
        finally { _refresh.Release(); }
    }

    private async Task<OpenIdKeys> FetchAsync(CancellationToken ct)
    {
        using var metadata = JsonDocument.Parse(await http.GetStringAsync(metadataUrl, ct).ConfigureAwait(false));
        var jwksUri = metadata.RootElement.GetProperty("jwks_uri").GetString()
                      ?? throw new InvalidOperationException($"{metadataUrl} has no jwks_uri.");
        var jwksJson = await http.GetStringAsync(jwksUri, ct).ConfigureAwait(false);
        var keys = new JsonWebKeySet(jwksJson).GetSigningKeys();
        var endorsements = new Dictionary<string, string[]>(StringComparer.Ordinal);
        using var jwks = JsonDocument.Parse(jwksJson);
        foreach (var key in jwks.RootElement.GetProperty("keys").EnumerateArray())
        {
            if (key.TryGetProperty("kid", out var kid) && key.TryGetProperty("endorsements", out var e) && e.ValueKind == JsonValueKind.Array)
                endorsements[kid.GetString()!] = [.. e.EnumerateArray().Select(x => x.GetString()!).Where(x => x != null)];
        }
        return new OpenIdKeys([.. keys], endorsements, time.GetUtcNow());
    }
}
