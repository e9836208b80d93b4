using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace DelegateBot.DirectLine;

/// <summary>
/// The secret that authorises the bot's calls to our Direct Line connector routes (/directline/v3/...).
/// Random per process, never stored or logged: only code in this process can send it, so no caller from
/// outside can post into a conversation as the bot. The bot's ConnectorClient sends it, as a bearer token,
/// only to <see cref="DirectLineServiceUrl.ConnectorBase"/>.
/// </summary>
public sealed class DirectLineConnectorKey
{
    private readonly byte[] _hash;

    public DirectLineConnectorKey()
    {
        Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(Value));
    }

    /// <summary>The key itself, for the in-process ConnectorClient only.</summary>
    public string Value { get; }

    /// <summary>True when the Authorization header is exactly "Bearer {key}" (compared in constant time).</summary>
    public bool Authorizes(string? authorizationHeader)
    {
        const string prefix = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return false;
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorizationHeader[prefix.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _hash);
    }
}

/// <summary>
/// Where the bot reaches our Direct Line channel: DirectLine:ServiceUrl, else the first address Kestrel listens on.
/// Never derived from a request's Host header, which a caller controls: the bot sends the connector key there.
/// </summary>
public sealed class DirectLineServiceUrl(IOptions<DirectLineOptions> options, IServer server)
{
    /// <summary>The path under which the Connector v3 routes for the bot live.</summary>
    public const string ConnectorPrefix = "/directline";

    private string? _connectorBase;

    /// <summary>The serviceUrl put on activities to the bot, e.g. http://localhost:3978/directline/.</summary>
    public string ConnectorBase => _connectorBase ??= Resolve();

    /// <summary>True when <paramref name="serviceUrl"/> is our connector (case-insensitive, trailing slash optional).</summary>
    public bool IsOwn(string? serviceUrl)
        => serviceUrl is not null && string.Equals(serviceUrl.TrimEnd('/') + "/", ConnectorBase, StringComparison.OrdinalIgnoreCase);

    private string Resolve()
    {
        var configured = options.Value.ServiceUrl;
        if (!string.IsNullOrEmpty(configured)) return configured.TrimEnd('/') + ConnectorPrefix + "/";

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var candidates = addresses.Select(a => Uri.TryCreate(Normalise(a), UriKind.Absolute, out var u) ? u : null).OfType<Uri>().ToList();
        // Plain http on loopback first: the bot calls in-machine and needs no certificate.
        var chosen = candidates.OrderBy(u => u.Scheme == "http" ? 0 : 1).ThenBy(u => u.IsLoopback ? 0 : 1).FirstOrDefault()
            ?? throw new InvalidOperationException("Direct Line cannot tell the bot where to reply: the server reports no listening address. Set DirectLine:ServiceUrl, e.g. http://localhost:3978.");
        return $"{chosen.Scheme}://{chosen.Authority}{ConnectorPrefix}/";
    }

    // Kestrel reports wildcard bindings as given ("http://+:3978", "http://0.0.0.0:3978", "http://[::]:3978").
    private static string Normalise(string address)
        => address.Replace("://+:", "://localhost:").Replace("://*:", "://localhost:")
                  .Replace("://0.0.0.0:", "://localhost:").Replace("://[::]:", "://localhost:");
}
