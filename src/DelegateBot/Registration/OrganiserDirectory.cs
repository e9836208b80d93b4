using DelegateBot.BotFramework.Schema;

namespace DelegateBot.Registration;

/// <summary>
/// The organisers, named in configuration under "Organisers" as a list of channel user ids or Entra
/// (AAD) object ids: "Organisers": ["29:1a2b...", "5f0c...-aad-object-id"]. Only they may list registrations in chat.
/// </summary>
public sealed class OrganiserDirectory(IConfiguration configuration)
{
    public const string Section = "Organisers";

    public IReadOnlyList<string> Ids => configuration.GetSection(Section).Get<string[]>() ?? [];

    public bool IsOrganiser(ChannelAccount? account)
    {
        if (account is null) return false;
        var ids = Ids;
        return ids.Any(id => Same(id, account.Id) || Same(id, account.AadObjectId));
    }

    private static bool Same(string configured, string? actual)
        => !string.IsNullOrWhiteSpace(actual) && string.Equals(configured.Trim(), actual.Trim(), StringComparison.OrdinalIgnoreCase);
}
