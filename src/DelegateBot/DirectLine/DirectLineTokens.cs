using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace DelegateBot.DirectLine;

/// <summary>What a Direct Line token grants: one conversation, as one user, until it expires.</summary>
public sealed record DirectLineTokenClaims(string ConversationId, string UserId, string? UserName, DateTimeOffset ExpiresAt);

public enum TokenCheck { Valid, Expired, Invalid }

/// <summary>A token just issued, with what the Direct Line responses report about it.</summary>
public sealed record IssuedToken(string Token, DirectLineTokenClaims Claims, int ExpiresIn);

/// <summary>
/// Issues and checks Direct Line tokens: compact JWTs signed with HMAC-SHA256. They are JWTs because
/// botframework-directlinejs reads the <c>user</c> claim to learn the user id (Web Chat then sends as that user);
/// only this process can sign them, and the clock is the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class DirectLineTokenService(IOptions<DirectLineOptions> options, DirectLineSigningKey key, TimeProvider time)
{
    private const string Issuer = "DelegateBot/DirectLine";
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");

    public IssuedToken Issue(string conversationId, string userId, string? userName)
    {
        var now = time.GetUtcNow();
        var expires = now + options.Value.TokenLifetime;
        var payload = new TokenPayload
        {
            Iss = Issuer, Conv = conversationId, User = userId, Name = userName,
            Iat = now.ToUnixTimeSeconds(), Exp = expires.ToUnixTimeSeconds(),
            // Two tokens issued in the same second must still differ (a refresh must change the token).
            Jti = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(9)),
        };
        var signingInput = Base64Url.EncodeToString(Header) + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload, TokenJson.Default.TokenPayload));
        var token = signingInput + "." + Base64Url.EncodeToString(Sign(signingInput));
        var claims = new DirectLineTokenClaims(conversationId, userId, userName, DateTimeOffset.FromUnixTimeSeconds(payload.Exp));
        return new IssuedToken(token, claims, (int)options.Value.TokenLifetime.TotalSeconds);
    }

    /// <summary>Checks signature, issuer and expiry. Anything malformed is <see cref="TokenCheck.Invalid"/>.</summary>
    public TokenCheck Check(string? token, out DirectLineTokenClaims? claims)
    {
        claims = null;
        if (string.IsNullOrEmpty(token) || token.Length > 4096) return TokenCheck.Invalid;
        var parts = token.Split('.');
        if (parts.Length != 3) return TokenCheck.Invalid;
        try
        {
            if (!Base64Url.DecodeFromChars(parts[0]).AsSpan().SequenceEqual(Header)) return TokenCheck.Invalid;
            var signature = Base64Url.DecodeFromChars(parts[2]);
            if (!CryptographicOperations.FixedTimeEquals(signature, Sign(parts[0] + "." + parts[1]))) return TokenCheck.Invalid;
            var payload = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(parts[1]), TokenJson.Default.TokenPayload);
            if (payload is null || payload.Iss != Issuer || string.IsNullOrEmpty(payload.Conv) || string.IsNullOrEmpty(payload.User))
                return TokenCheck.Invalid;
            var expires = DateTimeOffset.FromUnixTimeSeconds(payload.Exp);
            claims = new DirectLineTokenClaims(payload.Conv, payload.User, payload.Name, expires);
            return time.GetUtcNow() < expires ? TokenCheck.Valid : TokenCheck.Expired;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentOutOfRangeException)
        {
            return TokenCheck.Invalid;
        }
    }

    /// <summary>Seconds until the claims expire, as reported in expires_in.</summary>
    public int SecondsLeft(DirectLineTokenClaims claims) => (int)Math.Max(0, (claims.ExpiresAt - time.GetUtcNow()).TotalSeconds);

    private byte[] Sign(string signingInput) => HMACSHA256.HashData(key.Bytes, Encoding.ASCII.GetBytes(signingInput));
}

internal sealed class TokenPayload
{
    public string? Iss { get; set; }
    public string? Conv { get; set; }
    public string? User { get; set; }
    public string? Name { get; set; }
    public long Iat { get; set; }
    public long Exp { get; set; }
    public string? Jti { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenPayload))]
internal sealed partial class TokenJson : JsonSerializerContext;

/// <summary>
/// The HMAC key for tokens: from DirectLine:TokenSigningKey, else generated once and kept in DirectLine:KeyFile
/// (owner-only permissions) so tokens held by open pages stay valid across restarts.
/// </summary>
public sealed class DirectLineSigningKey
{
    public DirectLineSigningKey(IOptions<DirectLineOptions> options, IHostEnvironment environment, ILogger<DirectLineSigningKey> logger)
    {
        var configured = options.Value.TokenSigningKey;
        if (!string.IsNullOrEmpty(configured))
        {
            Bytes = Convert.FromBase64String(configured);
            return;
        }
        var path = Path.GetFullPath(options.Value.KeyFile, environment.ContentRootPath);
        Bytes = LoadOrCreate(path, logger);
    }

    internal byte[] Bytes { get; }

    private static byte[] LoadOrCreate(string path, ILogger logger)
    {
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path).Trim();
            var bytes = new byte[text.Length];
            if (Convert.TryFromBase64String(text, bytes, out var length) && length >= 32)
                return bytes[..length];
            throw new InvalidOperationException($"The Direct Line key file {path} is not base64 of at least 32 bytes; delete it to have a new key generated (open chats then need a page reload).");
        }
        var key = RandomNumberGenerator.GetBytes(64);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var writer = new StreamWriter(path, Encoding.ASCII, options);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance created it first: use theirs.
            return LoadOrCreate(path, logger);
        }
        logger.LogInformation("Generated the Direct Line token signing key in {Path}", path);
        return key;
    }
}
