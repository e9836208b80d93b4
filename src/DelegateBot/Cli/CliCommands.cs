namespace DelegateBot.Cli;

/// <summary>
/// The table of CLI verbs. A feature adds its verb here with one line; <see cref="Hosting.DelegateBotApp"/>
/// dispatches to it when the first argument names it, and serves the bot otherwise.
/// </summary>
public static class CliCommands
{
    public static IReadOnlyList<ICliCommand> All { get; } =
    [
        new AskCommand(),
        new Chat.ChatCommand(),
        new Agenda.AgendaCommand(),
        new Registration.RegistrationCommand(),
        new Reminders.Scheduling.RehearseCommand(),
        new Reminders.Broadcasts.BroadcastCommand(),
        new Teams.TeamsPackageCommand(),
    ];

    public static ICliCommand? Find(string verb) =>
        All.FirstOrDefault(c => c.Name.Equals(verb, StringComparison.OrdinalIgnoreCase));

    public static bool IsHelp(string arg) => arg is "help" or "--help" or "-h" or "-?";

    public static void WriteUsage(TextWriter writer)
    {
        writer.WriteLine("Usage: DelegateBot [verb] [options]");
        writer.WriteLine("  (no verb)    serve the bot (Bot Framework endpoint, health check)");
        foreach (var c in All) writer.WriteLine($"  {c.Usage}");
    }
}
