namespace DelegateBot.BotFramework.Hosting;

/// <summary>
/// The Bot Framework credentials, read from the top level of configuration under the names the SDK uses
/// (MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId).
/// </summary>
public sealed class BotFrameworkOptions
{
    public string MicrosoftAppType { get; set; } = "MultiTenant";
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata of Azure Bot Service channel tokens (SDK key name; tests point it at loopback).</summary>
    public string BotOpenIdMetadata { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata of Entra-issued tokens (the Emulator with an app id, skills).</summary>
    public string EmulatorOpenIdMetadata { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Issuer of Azure Bot Service channel tokens.</summary>
    public string ChannelTokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>
    /// Authority for the bot's outgoing token; empty = https://login.microsoftonline.com/botframework.com
    /// (MultiTenant) or https://login.microsoftonline.com/{MicrosoftAppTenantId} (SingleTenant).
    /// </summary>
    public string? MicrosoftAppAuthority { get; set; }

    /// <summary>Resource the outgoing token is for (SDK key name); "/.default" is appended for MSAL.</summary>
    public string ToChannelFromBotOAuthScope { get; set; } = "https://api.botframework.com";

    /// <summary>
    /// App ids of the bots allowed to call this one as a skill (SDK: AllowedCallers, checked by
    /// AllowedCallersClaimsValidator); "*" allows any bot. Empty: skill calls are refused.
    /// </summary>
    public List<string> AllowedCallers { get; set; } = [];

    public bool IsSingleTenant => string.Equals(MicrosoftAppType, "SingleTenant", StringComparison.OrdinalIgnoreCase);

    public bool IsUserAssignedManagedIdentity => string.Equals(MicrosoftAppType, "UserAssignedMSI", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="appId"/> may call this bot as a skill.</summary>
    public bool IsAllowedCaller(string? appId) =>
        !string.IsNullOrWhiteSpace(appId)
        && AllowedCallers.Any(c => c.Trim() == "*" || string.Equals(c.Trim(), appId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The authority MSAL asks for the outgoing token.</summary>
    public string EffectiveAuthority => !string.IsNullOrWhiteSpace(MicrosoftAppAuthority)
        ? MicrosoftAppAuthority!
        : IsSingleTenant ? $"https://login.microsoftonline.com/{MicrosoftAppTenantId}" : "https://login.microsoftonline.com/botframework.com";

    /// <summary>Largest accepted request body; Bot Framework activities are small, so more is refused with 413.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>How long a delivered activity id is remembered so a channel's retry is not answered twice.</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often expired redelivery records are deleted from storage.</summary>
    public TimeSpan StorageSweepInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>No app id: local development with the Emulator, no tokens either way.</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The configuration problems, each a sentence a person can act on; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var type = MicrosoftAppType?.Trim() ?? "";
        if (type.Length == 0) type = "MultiTenant";
        if (!new[] { "MultiTenant", "SingleTenant", "UserAssignedMSI" }.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"MicrosoftAppType '{MicrosoftAppType}' is not one of MultiTenant, SingleTenant, UserAssignedMSI.");
            return errors;
        }
        if (StorageSweepInterval <= TimeSpan.Zero) errors.Add($"StorageSweepInterval '{StorageSweepInterval}' must be positive.");
        if (IsAnonymous)
        {
            if (!string.IsNullOrWhiteSpace(MicrosoftAppPassword))
                errors.Add("MicrosoftAppPassword is set but MicrosoftAppId is empty: set both (Azure Bot registration) or neither (local Emulator).");
            if (type.Equals("UserAssignedMSI", StringComparison.OrdinalIgnoreCase))
                errors.Add("MicrosoftAppType UserAssignedMSI needs MicrosoftAppId (the managed identity's client id).");
            return errors;
        }
        if (!Guid.TryParse(MicrosoftAppId, out _))
            errors.Add($"MicrosoftAppId '{MicrosoftAppId}' is not a GUID; copy the Microsoft App ID from the Azure Bot's Configuration page.");
        if (type.Equals("SingleTenant", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(MicrosoftAppPassword)) errors.Add("MicrosoftAppType SingleTenant needs MicrosoftAppPassword (the client secret).");
            if (string.IsNullOrWhiteSpace(MicrosoftAppTenantId)) errors.Add("MicrosoftAppType SingleTenant needs MicrosoftAppTenantId (the Entra tenant of the app).");
        }
        else if (type.Equals("UserAssignedMSI", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(MicrosoftAppTenantId)) errors.Add("MicrosoftAppType UserAssignedMSI needs MicrosoftAppTenantId.");
            if (!string.IsNullOrWhiteSpace(MicrosoftAppPassword)) errors.Add("MicrosoftAppType UserAssignedMSI must not have a MicrosoftAppPassword (the managed identity has none).");
        }
        else if (string.IsNullOrWhiteSpace(MicrosoftAppPassword))
        {
            errors.Add("MicrosoftAppId is set but MicrosoftAppPassword is empty: add the client secret of the app registration.");
        }
        foreach (var caller in AllowedCallers.Where(c => c.Trim() != "*" && !Guid.TryParse(c, out _)))
            errors.Add($"AllowedCallers entry '{caller}' is not an app id (a GUID) or \"*\".");
        return errors;
    }
}
