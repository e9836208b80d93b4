using DelegateBot.Cli;
using Microsoft.Extensions.Options;

namespace DelegateBot.Teams;

/// <summary>
/// <c>teams-package [--out FILE]</c>: builds the Teams app package from configuration (MicrosoftAppId and the
/// TeamsApp section, from appsettings.json and the environment like the service). Configuration problems are
/// listed, one per line, and nothing is written.
/// </summary>
public sealed class TeamsPackageCommand(IDictionary<string, string?>? configurationOverrides = null) : ICliCommand
{
    public const string DefaultOut = "delegatebot-teams.zip";

    public string Name => "teams-package";

    public string Usage => $"teams-package [--out {DefaultOut}]";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var output = DefaultOut;
        for (var i = 0; i < context.Args.Count; i++)
        {
            var arg = context.Args[i];
            if (arg == "--out" && i + 1 < context.Args.Count) output = context.Args[++i];
            else if (arg.StartsWith("--out=", StringComparison.Ordinal) && arg.Length > "--out=".Length) output = arg["--out=".Length..];
            else
            {
                await context.Error.WriteLineAsync($"teams-package: unknown or incomplete option {arg}. Usage: {Usage}");
                return 2;
            }
        }

        using var host = CliHost.Build(b => b.Services.AddOptions<TeamsAppOptions>().BindConfiguration(TeamsAppOptions.SectionName), configurationOverrides);
        var botAppId = host.Services.GetRequiredService<IConfiguration>()["MicrosoftAppId"]?.Trim();
        var app = host.Services.GetRequiredService<IOptions<TeamsAppOptions>>().Value;

        var errors = TeamsManifest.Validate(botAppId, app);
        if (errors.Count > 0)
        {
            await context.Error.WriteLineAsync("teams-package: the Teams app package was not written:");
            foreach (var error in errors) await context.Error.WriteLineAsync("  " + error);
            return 2;
        }
        try
        {
            TeamsManifest.WritePackage(output, botAppId!, app);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"teams-package: could not write {output}: {ex.Message}");
            return 1;
        }
        await context.Out.WriteLineAsync($"Wrote {Path.GetFullPath(output)}: Teams app \"{app.ShortName}\" {app.Version} for bot {botAppId} (manifest {TeamsManifest.ManifestVersion}).");
        await context.Out.WriteLineAsync("Upload it in Teams: Apps > Manage your apps > Upload an app > Upload a custom app (or via the Teams admin center).");
        return 0;
    }
}
