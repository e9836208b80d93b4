using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace DelegateBot.DirectLine;

/// <summary>Who is calling the Direct Line API: a secret holder (any conversation) or a token (its conversation only).</summary>
public sealed record DirectLineCaller(bool IsSecret, DirectLineTokenClaims? Token, string? RawToken)
{
    public bool MayAccess(string conversationId) => IsSecret || Token?.ConversationId == conversationId;
}

/// <summary>Reads "Authorization: Bearer ..." (or the stream URL's ?t=) and decides who the caller is.</summary>
public sealed class DirectLineAuth(IOptions<DirectLineOptions> options, DirectLineTokenService tokens)
{
    /// <summary>True when <paramref name="value"/> is one of DirectLine:Secrets (constant-time comparison of hashes).</summary>
    public bool IsSecret(string? value)
    {
        if (string.IsNullOrEmpty(value)) return false;
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(value));
        var match = false;
        foreach (var secret in options.Value.Secrets)
            match |= CryptographicOperations.FixedTimeEquals(presented, SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        return match;
    }

    public static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? header[prefix.Length..].Trim() : null;
    }

    /// <summary>The caller, or the error response: 401 without credentials, 403 for a wrong or expired one.</summary>
    public (DirectLineCaller? Caller, IResult? Error) Authenticate(string? bearer, bool allowSecret = true)
    {
        if (string.IsNullOrEmpty(bearer))
            return (null, DirectLineErrors.Unauthorized("Send 'Authorization: Bearer <token or secret>'."));
        if (IsSecret(bearer))
            return allowSecret ? (new DirectLineCaller(true, null, null), null) : (null, DirectLineErrors.Forbidden("TokenRequired", "This call needs a token, not a secret."));
        return tokens.Check(bearer, out var claims) switch
        {
            TokenCheck.Valid => (new DirectLineCaller(false, claims, bearer), null),
            TokenCheck.Expired => (null, DirectLineErrors.Forbidden("TokenExpired", "The token has expired; get a new one.")),
            _ => (null, DirectLineErrors.Forbidden("BadToken", "The token or secret is not valid.")),
        };
    }
}

/// <summary>Error responses in the Bot Framework shape {"error":{"code","message"}}.</summary>
public static class DirectLineErrors
{
    public static IResult Error(int status, string code, string message)
        => Results.Json(new { error = new { code, message } }, statusCode: status);

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult Unauthorized(string message) => Error(StatusCodes.Status401Unauthorized, "Unauthorized", message);

    public static IResult Forbidden(string code, string message) => Error(StatusCodes.Status403Forbidden, code, message);

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, "NotFound", message);
}
