using System.Security.Cryptography;
using System.Text;
using DelegateBot.Core.Registrations;
using Microsoft.Extensions.Options;

namespace DelegateBot.Registration;

/// <summary>The organisers' API key, from the "Admin" configuration section (Admin:ApiKey).</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Sent as "X-Api-Key: KEY" or "Authorization: Bearer KEY". Empty: the admin endpoints refuse everyone.</summary>
    public string? ApiKey { get; set; }
}

public static class RegistrationAdminEndpoints
{
    /// <summary>
    /// GET /admin/registrations.csv[?meeting=ID][&amp;all=true]: the registrations as CSV (RFC 4180, UTF-8),
    /// for holders of Admin:ApiKey; 401 otherwise.
    /// </summary>
    public static IEndpointRouteBuilder MapRegistrationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/registrations.csv", async (HttpContext http, RegistrationStore store, RegistrationDefinitionSource source,
            IOptionsMonitor<AdminOptions> admin, ILoggerFactory loggers, string? meeting, bool? all) =>
        {
            if (!IsAuthorised(http.Request, admin.CurrentValue.ApiKey))
            {
                loggers.CreateLogger(typeof(RegistrationAdminEndpoints)).LogWarning(
                    string.IsNullOrEmpty(admin.CurrentValue.ApiKey)
                        ? "Refused a registrations export: Admin:ApiKey is not configured"
                        : "Refused a registrations export: missing or wrong API key");
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return Results.Unauthorized();
            }
            var registrations = await store.ListAsync(string.IsNullOrWhiteSpace(meeting) ? null : meeting, all ?? false, http.RequestAborted);
            var csv = RegistrationCsv.Write(registrations, source.Definition);
            var name = string.IsNullOrWhiteSpace(meeting) ? "registrations.csv" : $"registrations-{meeting}.csv";
            return Results.File(RegistrationCsv.ToBytes(csv), "text/csv; charset=utf-8", name);
        });
        return endpoints;
    }

    /// <summary>A route group under /admin for holders of Admin:ApiKey; anyone else gets 401 with WWW-Authenticate: Bearer.</summary>
    internal static RouteGroupBuilder MapAdminGroup(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/admin").AddEndpointFilter(async (context, next) =>
        {
            var key = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<AdminOptions>>().CurrentValue.ApiKey;
            if (IsAuthorised(context.HttpContext.Request, key)) return await next(context);
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Unauthorized();
        });

    /// <summary>Whether the request carries Admin:ApiKey (X-Api-Key or Bearer); shared by every admin endpoint.</summary>
    internal static bool IsAuthorised(HttpRequest request, string? apiKey)
    {
        if (string.IsNullOrEmpty(apiKey)) return false;
        string? presented = request.Headers["X-Api-Key"].FirstOrDefault();
        var authorization = request.Headers.Authorization.FirstOrDefault();
        if (presented is null && authorization?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true) presented = authorization[7..].Trim();
        if (presented is null) return false;
        // Compared in constant time, so the key cannot be guessed from response times.
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(apiKey));
    }
}
