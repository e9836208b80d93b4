using System.Globalization;
using DelegateBot.Cli;
using DelegateBot.Core.Registrations;

namespace DelegateBot.Registration;

/// <summary>
/// CLI verb "registrations", for organisers on the server:
///   registrations list [--meeting ID] [--all]                  one line per registration
///   registrations export [--meeting ID] [--all] --out FILE     CSV (RFC 4180, UTF-8); "--out -" writes to the console
///   registrations check [--file PATH]                          validate dialogs/registration.yaml (exit code 1 on problems)
/// --all includes cancelled registrations.
/// </summary>
public sealed class RegistrationCommand : ICliCommand
{
    public string Name => "registrations";

    public string Usage => "registrations list|export|check [--meeting ID] [--all] [--out FILE] [--file PATH]";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Args.ToList();
        if (args.Count == 0 || args[0] is not ("list" or "export" or "check"))
            return await UsageErrorAsync(context, "say what to do: list, export or check.");
        var action = args[0];
        var meeting = Option(args, "--meeting");
        var output = Option(args, "--out");
        var file = Option(args, "--file");
        var includeCancelled = args.Contains("--all");
        if (action == "export" && output is null) return await UsageErrorAsync(context, "export needs --out FILE (or --out - for the console).");
        if (args.Skip(1).FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal) && a is not ("--meeting" or "--out" or "--file" or "--all")) is { } unknown)
            return await UsageErrorAsync(context, $"unknown option {unknown}.");

        var overrides = new Dictionary<string, string?>();
        if (file is not null) overrides[$"{RegistrationOptions.Section}:DefinitionPath"] = Path.GetFullPath(file);
        using var host = CliHost.Build(b => b.Services.AddRegistrationStore(), overrides);
        var source = host.Services.GetRequiredService<RegistrationDefinitionSource>();

        if (action == "check")
        {
            if (source.Definition is { } definition)
            {
                await context.Out.WriteLineAsync($"{source.Path}: valid, {definition.Steps.Count} steps ({string.Join(", ", definition.Steps.Select(s => s.Id))}), definition {definition.Hash}.");
                return 0;
            }
            foreach (var error in source.Errors) await context.Error.WriteLineAsync(error.ToString());
            return 1;
        }

        var store = host.Services.GetRequiredService<RegistrationStore>();
        var registrations = await store.ListAsync(meeting, includeCancelled, cancellationToken);
        if (action == "list")
        {
            foreach (var r in registrations)
            {
                await context.Out.WriteLineAsync(string.Join("  ", r.ConfirmationNumber, r.MeetingId, r.Status == RegistrationStatus.Active ? "active" : "cancelled",
                    r.FullName, r.Email ?? "-", r.UpdatedAt.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture)));
            }
            await context.Error.WriteLineAsync($"{registrations.Count} registration(s){(meeting is null ? "" : $" for {meeting}")} in {store.FilePath}");
            return 0;
        }

        var csv = RegistrationCsv.Write(registrations, source.Definition);
        if (output == "-")
        {
            await context.Out.WriteAsync(csv);
        }
        else
        {
            var full = Path.GetFullPath(output!);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllBytesAsync(full, RegistrationCsv.ToBytes(csv), cancellationToken);
            await context.Error.WriteLineAsync($"Wrote {registrations.Count} registration(s) to {full}");
        }
        return 0;
    }

    private static string? Option(List<string> args, string name)
    {
        var i = args.IndexOf(name);
        return i >= 0 && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[i + 1] : null;
    }

    private async Task<int> UsageErrorAsync(CliContext context, string problem)
    {
        await context.Error.WriteLineAsync($"registrations: {problem}\nUsage: {Usage}");
        return 2;
    }
}
