using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DelegateBot.Teams;

/// <summary>
/// The Teams app package (manifest.json, color.png, outline.png at the root of a zip) for the bot, app manifest
/// schema 1.19: one bot in the personal, team and groupChat scopes with the sample questions as its command list.
/// The field limits of the schema are checked first, each broken one reported as a sentence naming the key.
/// </summary>
public static partial class TeamsManifest
{
    public const string ManifestVersion = "1.19";
    public const string SchemaUrl = "https://developer.microsoft.com/en-us/json-schemas/teams/v1.19/MicrosoftTeams.schema.json";
    private static readonly string[] BotScopes = ["personal", "team", "groupChat"];

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")]
    private static partial Regex SemVer();

    [GeneratedRegex(@"^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();

    // A host name, optionally "*." first and ":port" last; no scheme, no path.
    [GeneratedRegex(@"^(\*\.)?([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)*[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(:\d{1,5})?$")]
    private static partial Regex Domain();

    /// <summary>The configuration problems, each a sentence a person can act on; empty when a package can be built.</summary>
    public static IReadOnlyList<string> Validate(string? botAppId, TeamsAppOptions app)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(botAppId))
            errors.Add("MicrosoftAppId is not set: the Teams app needs the Azure Bot's Microsoft App ID (a GUID). Set it in appsettings.json or as the environment variable MicrosoftAppId.");
        else if (!Guid.TryParse(botAppId, out _))
            errors.Add($"MicrosoftAppId '{botAppId}' is not a GUID; copy the Microsoft App ID from the Azure Bot's Configuration page.");
        if (!string.IsNullOrWhiteSpace(app.Id) && !Guid.TryParse(app.Id, out _))
            errors.Add($"TeamsApp:Id '{app.Id}' is not a GUID (leave it empty to use MicrosoftAppId).");
        if (!SemVer().IsMatch(app.Version ?? ""))
            errors.Add($"TeamsApp:Version '{app.Version}' is not a version of the form 1.0.0.");
        Length(errors, "TeamsApp:ShortName", app.ShortName, 30);
        Length(errors, "TeamsApp:FullName", app.FullName, 100);
        Length(errors, "TeamsApp:ShortDescription", app.ShortDescription, 80);
        Length(errors, "TeamsApp:FullDescription", app.FullDescription, 4000);
        if (!HexColor().IsMatch(app.AccentColor ?? ""))
            errors.Add($"TeamsApp:AccentColor '{app.AccentColor}' is not a colour of the form #009EDB.");
        Length(errors, "TeamsApp:Developer:Name", app.Developer.Name, 32);
        HttpsUrl(errors, "TeamsApp:Developer:WebsiteUrl", app.Developer.WebsiteUrl);
        HttpsUrl(errors, "TeamsApp:Developer:PrivacyUrl", app.Developer.PrivacyUrl);
        HttpsUrl(errors, "TeamsApp:Developer:TermsOfUseUrl", app.Developer.TermsOfUseUrl);
        foreach (var domain in app.ValidDomains)
        {
            if (!Domain().IsMatch(domain ?? "") || domain!.Length > 2048)
                errors.Add($"TeamsApp:ValidDomains entry '{domain}' is not a host name such as bot.example.org (no https://, no path).");
        }
        var commands = CommandsOf(app);
        if (commands.Count > 10) errors.Add($"TeamsApp:Commands has {commands.Count} commands; Teams shows at most 10.");
        for (var i = 0; i < commands.Count; i++)
        {
            Length(errors, $"TeamsApp:Commands:{i}:Title", commands[i].Title, 32);
            Length(errors, $"TeamsApp:Commands:{i}:Description", commands[i].Description, 128);
        }
        return errors;
    }

    private static IReadOnlyList<TeamsCommand> CommandsOf(TeamsAppOptions app) => app.Commands.Count > 0 ? app.Commands : TeamsAppOptions.DefaultCommands;

    private static void Length(List<string> errors, string key, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add($"{key} is empty; set it in the TeamsApp section of appsettings.json or as the environment variable {key.Replace(":", "__")}.");
        else if (value.Length > max) errors.Add($"{key} has {value.Length} characters; Teams allows {max}.");
    }

    private static void HttpsUrl(List<string> errors, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add($"{key} is empty; Teams needs an https link (set it in the TeamsApp section of appsettings.json or as {key.Replace(":", "__")}).");
        else if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || value.Length > 2048)
            errors.Add($"{key} '{value}' is not an https URL.");
    }

    /// <summary>manifest.json; call <see cref="Validate"/> first.</summary>
    public static JsonObject Build(string botAppId, TeamsAppOptions app)
    {
        var commands = new JsonArray();
        foreach (var c in CommandsOf(app)) commands.Add(new JsonObject { ["title"] = c.Title.Trim(), ["description"] = c.Description.Trim() });
        return new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["manifestVersion"] = ManifestVersion,
            ["version"] = app.Version,
            ["id"] = string.IsNullOrWhiteSpace(app.Id) ? botAppId : app.Id,
            ["developer"] = new JsonObject
            {
                ["name"] = app.Developer.Name, ["websiteUrl"] = app.Developer.WebsiteUrl,
                ["privacyUrl"] = app.Developer.PrivacyUrl, ["termsOfUseUrl"] = app.Developer.TermsOfUseUrl,
            },
            ["name"] = new JsonObject { ["short"] = app.ShortName, ["full"] = app.FullName },
            ["description"] = new JsonObject { ["short"] = app.ShortDescription, ["full"] = app.FullDescription },
            ["icons"] = new JsonObject { ["color"] = "color.png", ["outline"] = "outline.png" },
            ["accentColor"] = app.AccentColor.ToUpperInvariant(),
            ["bots"] = new JsonArray
            {
                new JsonObject
                {
                    ["botId"] = botAppId,
                    ["scopes"] = new JsonArray([.. BotScopes.Select(s => JsonValue.Create(s))]),
                    ["supportsFiles"] = false,
                    ["isNotificationOnly"] = false,
                    ["commandLists"] = new JsonArray
                    {
                        new JsonObject { ["scopes"] = new JsonArray([.. BotScopes.Select(s => JsonValue.Create(s))]), ["commands"] = commands },
                    },
                },
            },
            ["validDomains"] = new JsonArray([.. app.ValidDomains.Select(d => JsonValue.Create(d.Trim()))]),
        };
    }

    /// <summary>Writes the package to <paramref name="path"/> (replacing it only once complete).</summary>
    public static void WritePackage(string path, string botAppId, TeamsAppOptions app)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        using (var zip = ZipFile.Open(temp, ZipArchiveMode.Create))
        {
            Add(zip, "manifest.json", JsonSerializer.SerializeToUtf8Bytes(Build(botAppId, app), new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            Add(zip, "color.png", TeamsIcons.Color(app.AccentColor));
            Add(zip, "outline.png", TeamsIcons.Outline());
        }
        File.Move(temp, full, overwrite: true);
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(content);
    }
}
