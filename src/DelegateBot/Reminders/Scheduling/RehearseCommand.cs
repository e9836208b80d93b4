using System.Globalization;
using DelegateBot.Cli;
using DelegateBot.Core.Agenda;

namespace DelegateBot.Reminders.Scheduling;

/// <summary>
/// CLI verb "rehearse", for organisers on the server:
///   rehearse MEETING --at TIME     replay MEETING's pushes with its first session starting at TIME
///                                  (ISO 8601 with offset, e.g. 2030-01-10T15:00:00Z, or +40m / +2h from now)
///   rehearse cancel MEETING        remove that rehearsal's pushes not yet sent
///   rehearse list                  everything scheduled: session pushes, rehearsals, broadcasts
/// The pushes are written to the scheduler's store; the running service sends them (it looks every 30 s).
/// </summary>
public sealed class RehearseCommand : ICliCommand
{
    public string Name => "rehearse";

    public string Usage => "rehearse MEETING --at TIME|+40m  |  rehearse cancel MEETING  |  rehearse list";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var args = context.Args.ToList();
        if (args.Count == 0) return await UsageErrorAsync(context, "name a meeting (ids are listed by the agenda command), or say list or cancel.");
        // Arguments are checked before the store is opened, so a typo touches nothing.
        DateTimeOffset startsAt = default;
        if (args[0] == "cancel" && args.Count < 2) return await UsageErrorAsync(context, "cancel which meeting?");
        if (args[0] is not ("list" or "cancel"))
        {
            var atIndex = args.IndexOf("--at");
            if (atIndex < 0 || atIndex + 1 >= args.Count) return await UsageErrorAsync(context, "say when the rehearsal starts: --at 2030-01-10T15:00:00Z or --at +40m.");
            if (!TryParseTime(args[atIndex + 1], TimeProvider.System.GetUtcNow(), out startsAt))
                return await UsageErrorAsync(context, $"'{args[atIndex + 1]}' is not a time: use ISO 8601 with an offset (2030-01-10T15:00:00Z, 2030-01-10T10:00-05:00) or +40m / +2h.");
        }

        using var host = CliHost.Build(b =>
        {
            b.Services.AddAgenda(b.Configuration);
            b.Services.AddReminderSchedulingStore(b.Configuration);
        });
        var services = host.Services;

        if (args[0] == "list")
        {
            var items = await services.GetRequiredService<ReminderSchedule>().ListAsync(cancellationToken);
            foreach (var i in items)
                await context.Out.WriteLineAsync($"{(i.FireAtUtc is { } at ? Utc(at) : "fired           ")}  {i.Kind,-9}  {i.Key}  {i.Description}");
            await context.Error.WriteLineAsync($"{items.Count(i => i.FireAtUtc is not null)} scheduled, {items.Count(i => i.FireAtUtc is null)} fired (kept until their session starts)");
            return 0;
        }

        var rehearsals = services.GetRequiredService<RehearsalScheduler>();
        if (args[0] == "cancel")
        {
            var removed = await rehearsals.CancelAsync(args[1], cancellationToken);
            await context.Out.WriteLineAsync(removed == 0 ? $"No rehearsal pushes waiting for {args[1]}." : $"Cancelled {removed} rehearsal push(es) of {args[1]}.");
            return 0;
        }

        var meeting = args[0];
        try
        {
            var plan = await rehearsals.ScheduleAsync(meeting, startsAt, cancellationToken);
            var zone = services.GetRequiredService<AgendaService>().Current.FindMeeting(plan.MeetingId)!.TimeZone;
            await context.Out.WriteLineAsync($"Rehearsal of {plan.MeetingTitle}: first session at {Utc(plan.StartsAt)}, {plan.Pushes.Count} push(es):");
            foreach (var p in plan.Pushes)
                await context.Out.WriteLineAsync($"  {Utc(p.FireAtUtc)}  {p.Title} (programme: {AgendaTime.ToLocal(p.StartUtc, zone).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} {zone})  [{p.Key}]");
            await context.Error.WriteLineAsync("The running service sends them; cancel with: rehearse cancel " + plan.MeetingId);
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            await context.Error.WriteLineAsync($"rehearse: {e.Message}");
            return 1;
        }
    }

    /// <summary>ISO 8601 with an offset (a time without one would be ambiguous), or "+40m" / "+2h" / "+1d" from now (rounded up to the minute).</summary>
    public static bool TryParseTime(string text, DateTimeOffset now, out DateTimeOffset value)
    {
        value = default;
        if (text.StartsWith('+') && text.Length > 2 && int.TryParse(text[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            TimeSpan? span = char.ToLowerInvariant(text[^1]) switch { 'm' => TimeSpan.FromMinutes(n), 'h' => TimeSpan.FromHours(n), 'd' => TimeSpan.FromDays(n), _ => null };
            if (span is null) return false;
            // Whole minutes, so the keys and the listed times read cleanly.
            var at = now + span.Value;
            value = new DateTimeOffset(at.Ticks - at.Ticks % TimeSpan.TicksPerMinute, at.Offset) + (at.Ticks % TimeSpan.TicksPerMinute == 0 ? TimeSpan.Zero : TimeSpan.FromMinutes(1));
            return true;
        }
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d\d:?\d\d$");
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    private static string Utc(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    private async Task<int> UsageErrorAsync(CliContext context, string problem)
    {
        await context.Error.WriteLineAsync($"rehearse: {problem}\nUsage: {Usage}");
        return 2;
    }
}
