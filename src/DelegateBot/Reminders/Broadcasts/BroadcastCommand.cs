using System.Globalization;
using DelegateBot.Cli;
using DelegateBot.Core.Agenda;
using DelegateBot.Reminders.Delivery;
using DelegateBot.Reminders.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DelegateBot.Reminders.Broadcasts;

/// <summary>
/// CLI verb "broadcast", for organisers on the server (it writes to the same database; the running service delivers):
///   broadcast send "TEXT" [--to everyone|registrants:MEETING|session:MEETING/SESSION] [--at TIME|+40m] [--key KEY] [--dry-run]
///   broadcast report [ID|KEY]     the delivery report (the latest organiser broadcast when no id is given)
///   broadcast list                scheduled broadcasts, then the latest ones with their counts
///   broadcast cancel KEY          cancel a scheduled broadcast
/// </summary>
public sealed class BroadcastCommand : ICliCommand
{
    public string Name => "broadcast";

    public string Usage => "broadcast send \"TEXT\" [--to everyone|registrants:MEETING|session:MEETING/SESSION] [--at TIME|+40m] [--key KEY] [--dry-run]  |  broadcast report [ID]  |  broadcast list  |  broadcast cancel KEY";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Args.ToList();
        if (args.Count == 0 || args[0] is not ("send" or "report" or "list" or "cancel"))
            return await UsageErrorAsync(context, "say what to do: send, report, list or cancel.");
        var action = args[0];
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var words = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--dry-run") options[arg] = "";
            else if (arg is "--to" or "--at" or "--key")
            {
                if (i + 1 >= args.Count) return await UsageErrorAsync(context, $"{arg} needs a value.");
                options[arg] = args[++i];
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal)) return await UsageErrorAsync(context, $"unknown option {arg}.");
            else words.Add(arg);
        }
        // Arguments are checked before the databases are opened, so a typo touches nothing.
        if (action == "send" && (words.Count != 1 || string.IsNullOrWhiteSpace(words[0])))
            return await UsageErrorAsync(context, "send takes the message as one quoted argument: broadcast send \"Panel two starts in 10 minutes\".");
        if (action == "cancel" && words.Count != 1) return await UsageErrorAsync(context, "cancel which scheduled broadcast? Give its key (broadcast list shows them).");
        if (action is "report" && words.Count > 1) return await UsageErrorAsync(context, "report takes one id or key.");
        if (action is "list" && words.Count > 0) return await UsageErrorAsync(context, "list takes no arguments.");
        if (action != "send" && options.Keys.FirstOrDefault() is { } misplaced) return await UsageErrorAsync(context, $"{misplaced} goes with send.");
        DateTimeOffset? at = null;
        if (options.TryGetValue("--at", out var atText))
        {
            if (!RehearseCommand.TryParseTime(atText!, TimeProvider.System.GetUtcNow(), out var parsed))
                return await UsageErrorAsync(context, $"'{atText}' is not a time: use ISO 8601 with an offset (2030-01-10T15:00:00Z) or +40m / +2h.");
            at = parsed;
        }

        using var host = CliHost.Build(b =>
        {
            b.Services.AddAgenda(b.Configuration);
            b.Services.AddReminderDeliveryStore();
            b.Services.AddReminderSchedulingStore(b.Configuration);
            b.Services.TryAddSingleton<OrganiserBroadcasts>();
        });
        var services = host.Services;
        return action switch
        {
            "send" => await SendAsync(context, services, words[0], options, at, cancellationToken),
            "report" => await ReportAsync(context, services, words.FirstOrDefault(), cancellationToken),
            "list" => await ListAsync(context, services, cancellationToken),
            _ => await CancelAsync(context, services, words[0], cancellationToken),
        };
    }

    private async Task<int> SendAsync(CliContext context, IServiceProvider services, string text, Dictionary<string, string?> options, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        var broadcasts = services.GetRequiredService<OrganiserBroadcasts>();
        var (kind, meeting, session) = AudienceSpec.Split(options.GetValueOrDefault("--to") ?? "everyone");
        var (audience, problem) = AudienceSpec.Resolve(kind, meeting, session, services.GetRequiredService<AgendaService>().Current);
        if (audience is null) return await UsageErrorAsync(context, problem!);
        var order = new BroadcastOrder(text, audience, at, $"cli:{Environment.UserName}", options.GetValueOrDefault("--key"));
        if (broadcasts.Problem(order) is { } orderProblem)
        {
            await context.Error.WriteLineAsync($"broadcast: {orderProblem}");
            return 1;
        }
        var recipients = await broadcasts.CountAsync(audience, cancellationToken);
        var who = broadcasts.Describe(audience);
        if (options.ContainsKey("--dry-run"))
        {
            await context.Out.WriteLineAsync($"Would go to {recipients} conversation(s) ({who}){(at is { } t ? $" at {Utc(t)}" : "")}. Nothing was sent.");
            return 0;
        }
        var placed = await broadcasts.PlaceAsync(order, cancellationToken);
        if (placed.Scheduled is { } s)
        {
            await context.Out.WriteLineAsync(s.AlreadyScheduled
                ? $"{s.Key} was already scheduled for {Utc(s.At)}; that schedule stands."
                : $"Scheduled {s.Key} for {Utc(s.At)} to {who} ({recipients} conversation(s) today; counted again when it goes).");
            await context.Error.WriteLineAsync($"The running service sends it; cancel with: broadcast cancel {s.Key}");
            return 0;
        }
        var ticket = placed.Ticket!;
        await context.Out.WriteLineAsync(ticket.AlreadyExisted
            ? $"Key {placed.Key} was used before: broadcast {ticket.Id} ({ticket.Recipients} conversation(s)); nothing new was enqueued."
            : $"Broadcast {ticket.Id} enqueued for {ticket.Recipients} conversation(s) ({who}), key {placed.Key}.");
        await context.Error.WriteLineAsync($"The running service delivers it; follow it with: broadcast report {ticket.Id}");
        return 0;
    }

    private static async Task<int> ReportAsync(CliContext context, IServiceProvider services, string? id, CancellationToken cancellationToken)
    {
        var reports = services.GetRequiredService<DeliveryReports>();
        var report = id is null ? await reports.LatestAsync(cancellationToken) : await reports.GetAsync(id, cancellationToken);
        if (report is null)
        {
            var waiting = id is null ? null : (await services.GetRequiredService<IBroadcastScheduler>().ListAsync(cancellationToken)).FirstOrDefault(s => s.Key == id);
            await context.Error.WriteLineAsync(waiting is not null
                ? $"{id} is scheduled for {Utc(waiting.At)}; its report starts when it goes."
                : id is null ? "No broadcasts yet." : $"No broadcast '{id}' (broadcast list shows the ids).");
            return waiting is null ? 1 : 0;
        }
        await context.Out.WriteLineAsync(report.ToText());
        return 0;
    }

    private static async Task<int> ListAsync(CliContext context, IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var s in await services.GetRequiredService<IBroadcastScheduler>().ListAsync(cancellationToken))
            await context.Out.WriteLineAsync($"{Utc(s.At)}  scheduled  {s.Key}  to {DeliveryReport.Describe(s.Audience)}  \"{s.Text}\"");
        var list = await services.GetRequiredService<DeliveryReports>().ListAsync(20, cancellationToken: cancellationToken);
        foreach (var r in list)
            await context.Out.WriteLineAsync($"{Utc(r.Broadcast.CreatedAt)}  {r.Broadcast.Id}  to {DeliveryReport.Describe(r.Broadcast.Audience)}: sent {r.Sent}/{r.Broadcast.Recipients}, pending {r.Pending + r.Sending}, failed {r.Failed}  \"{r.Broadcast.Summary}\"");
        await context.Error.WriteLineAsync($"{list.Count} broadcast(s) shown, newest first (session pushes included)");
        return 0;
    }

    private static async Task<int> CancelAsync(CliContext context, IServiceProvider services, string key, CancellationToken cancellationToken)
    {
        if (await services.GetRequiredService<IBroadcastScheduler>().CancelAsync(key, cancellationToken))
        {
            await context.Out.WriteLineAsync($"Cancelled the scheduled broadcast {key}.");
            return 0;
        }
        await context.Error.WriteLineAsync($"No scheduled broadcast {key} is waiting (a sent broadcast cannot be recalled).");
        return 1;
    }

    private static string Utc(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    private async Task<int> UsageErrorAsync(CliContext context, string problem)
    {
        await context.Error.WriteLineAsync($"broadcast: {problem}\nUsage: {Usage}");
        return 2;
    }
}
