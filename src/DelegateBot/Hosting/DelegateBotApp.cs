using DelegateBot.Agenda;
using DelegateBot.AzureOpenAI;
using DelegateBot.Bot;
using DelegateBot.Cli;
using DelegateBot.Core.Agenda;
using DelegateBot.Core.Knowledge;
using DelegateBot.DirectLine;
using DelegateBot.Registration;
using DelegateBot.Reminders.Broadcasts;
using DelegateBot.Reminders.Delivery;
using DelegateBot.Reminders.Scheduling;
using DelegateBot.Reminders.Subscriptions;

namespace DelegateBot.Hosting;

/// <summary>Composes the web host. Each feature adds itself through one Add.../Map... extension.</summary>
public static class DelegateBotApp
{
    public static Task<int> RunAsync(string[] args) =>
        RunAsync(args, new CliContext([], Console.In, Console.Out, Console.Error) { Interactive = !Console.IsInputRedirected });

    /// <summary>Runs a CLI verb when the first argument names one (no web server), else serves the bot.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext console, CancellationToken cancellationToken = default)
    {
        if (args.Length > 0 && CliCommands.IsHelp(args[0]))
        {
            CliCommands.WriteUsage(console.Out);
            return 0;
        }
        if (args.Length > 0 && CliCommands.Find(args[0]) is { } command)
            return await command.RunAsync(console with { Args = args[1..] }, cancellationToken);

        var app = BuildWebApp(args);
        await app.RunAsync(cancellationToken);
        return 0;
    }

    public static WebApplication BuildWebApp(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // The default URL of a Bot Framework bot, as the Emulator and the samples expect it.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls("http://localhost:3978");

        builder.Services.AddKnowledge(builder.Configuration);
        builder.Services.AddAzureOpenAIAnswers(builder.Configuration);
        builder.Services.AddAgenda(builder.Configuration);
        builder.Services.AddAgendaAnswers();
        builder.Services.AddBot(builder.Configuration);
        // Before registration: their commands are narrow ("stop reminders", "broadcast: ...") and must work mid-registration too.
        builder.Services.AddReminderSubscriptions();
        builder.Services.AddOrganiserBroadcasts();
        builder.Services.AddRegistration(builder.Configuration);
        builder.Services.AddDirectLine(builder.Configuration);
        builder.Services.AddReminderScheduling(builder.Configuration);
        builder.Services.AddReminderDelivery();

        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapAgendaEndpoints();
        app.MapBotEndpoints();
        app.MapRegistrationEndpoints();
        app.MapDirectLine();
        app.MapReminderScheduling();
        app.MapOrganiserBroadcasts();
        return app;
    }
}
