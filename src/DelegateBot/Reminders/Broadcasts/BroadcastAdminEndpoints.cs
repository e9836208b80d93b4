using DelegateBot.Core.Agenda;
using DelegateBot.Registration;
using DelegateBot.Reminders.Delivery;
using DelegateBot.Reminders.Scheduling;

namespace DelegateBot.Reminders.Broadcasts;

/// <param name="Audience">"everyone" (default), "registrants" (with meetingId) or "session" (with meetingId and sessionId).</param>
/// <param name="At">When to send: ISO 8601 with an offset, or "+40m"; absent = now.</param>
/// <param name="Key">Optional idempotency key: the same key again returns the first broadcast instead of a second one.</param>
public sealed record BroadcastBody(string? Text, string? Audience, string? MeetingId, string? SessionId, string? At, string? Key);

public static class BroadcastAdminEndpoints
{
    /// <summary>
    /// For holders of Admin:ApiKey (401 otherwise):
    /// POST /admin/broadcasts (202 with id and recipients; 201 when scheduled; 200 when the key was used before),
    /// GET /admin/broadcasts (scheduled and recent), GET /admin/broadcasts/{id or key} (the delivery report),
    /// DELETE /admin/broadcasts/{key} (cancels a scheduled one). Bad input gets 400 with the reason.
    /// </summary>
    public static IEndpointRouteBuilder MapOrganiserBroadcasts(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapAdminGroup();

        admin.MapPost("/broadcasts", async (BroadcastBody body, OrganiserBroadcasts broadcasts, AgendaService agenda, TimeProvider time, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.Text)) return Error("Give the message as \"text\".");
            var (audience, problem) = AudienceSpec.Resolve(body.Audience, body.MeetingId, body.SessionId, agenda.Current);
            if (audience is null) return Error(problem!);
            DateTimeOffset? at = null;
            if (!string.IsNullOrWhiteSpace(body.At))
            {
                if (!RehearseCommand.TryParseTime(body.At.Trim(), time.GetUtcNow(), out var parsed))
                    return Error($"\"at\" must be ISO 8601 with an offset (2030-01-10T15:00:00Z) or +40m / +2h; got '{body.At}'.");
                at = parsed;
            }
            var order = new BroadcastOrder(body.Text, audience, at, "admin-api", body.Key);
            if (broadcasts.Problem(order) is { } orderProblem) return Error(orderProblem);
            var placed = await broadcasts.PlaceAsync(order, ct);
            if (placed.Scheduled is { } s)
            {
                var scheduled = new { key = s.Key, scheduled = true, at = s.At, audience = AudienceJson(s.Audience), recipientsNow = placed.Recipients, alreadyExisted = s.AlreadyScheduled };
                return s.AlreadyScheduled ? Results.Ok(scheduled) : Results.Created($"/admin/broadcasts/{Uri.EscapeDataString(s.Key)}", scheduled);
            }
            var t = placed.Ticket!;
            var accepted = new { id = t.Id, key = placed.Key, recipients = t.Recipients, alreadyExisted = t.AlreadyExisted, report = $"/admin/broadcasts/{t.Id}" };
            return t.AlreadyExisted ? Results.Ok(accepted) : Results.Accepted($"/admin/broadcasts/{t.Id}", accepted);
        });

        admin.MapGet("/broadcasts", async (DeliveryReports reports, IBroadcastScheduler scheduler, int? limit, CancellationToken ct) => Results.Ok(new
        {
            scheduled = (await scheduler.ListAsync(ct)).Select(s => new { key = s.Key, at = s.At, audience = AudienceJson(s.Audience), requestedBy = s.RequestedBy, text = s.Text }),
            broadcasts = (await reports.ListAsync(Math.Clamp(limit ?? 20, 1, 500), cancellationToken: ct)).Select(Summary),
        }));

        admin.MapGet("/broadcasts/{id}", async (string id, DeliveryReports reports, IBroadcastScheduler scheduler, CancellationToken ct) =>
        {
            if (await reports.GetAsync(id, ct) is { } report) return Results.Ok(Report(report));
            if ((await scheduler.ListAsync(ct)).FirstOrDefault(s => s.Key == id) is { } waiting)
                return Results.Ok(new { key = waiting.Key, state = "scheduled", at = waiting.At, audience = AudienceJson(waiting.Audience), text = waiting.Text });
            return Results.NotFound(new { error = $"No broadcast '{id}'." });
        });

        admin.MapDelete("/broadcasts/{key}", async (string key, IBroadcastScheduler scheduler, CancellationToken ct) =>
            await scheduler.CancelAsync(key, ct)
                ? Results.Ok(new { key, cancelled = true })
                : Results.NotFound(new { error = $"No scheduled broadcast '{key}' is waiting (a sent broadcast cannot be recalled)." }));
        return endpoints;
    }

    private static IResult Error(string message) => Results.BadRequest(new { error = message });

    private static object AudienceJson(Audience a) => new { kind = a.Kind.ToString(), meetingId = a.MeetingId, sessionId = a.SessionId };

    private static object Summary(DeliveryReport r) => new
    {
        id = r.Broadcast.Id, key = r.Broadcast.Key, text = r.Broadcast.Summary, audience = AudienceJson(r.Broadcast.Audience),
        requestedBy = r.Broadcast.RequestedBy, createdAt = r.Broadcast.CreatedAt, recipients = r.Broadcast.Recipients,
        sent = r.Sent, pending = r.Pending + r.Sending, failed = r.Failed, complete = r.Complete,
    };

    private static object Report(DeliveryReport r) => new
    {
        id = r.Broadcast.Id, key = r.Broadcast.Key, text = r.Broadcast.Summary, audience = AudienceJson(r.Broadcast.Audience),
        requestedBy = r.Broadcast.RequestedBy, createdAt = r.Broadcast.CreatedAt, recipients = r.Broadcast.Recipients,
        sent = r.Sent, pending = r.Pending, sending = r.Sending, failed = r.Failed, complete = r.Complete,
        failures = r.Failures.Select(f => new { reason = f.Reason, count = f.Count }),
        waiting = r.Waiting.Select(f => new { reason = f.Reason, count = f.Count }),
        attempts = r.Attempts, retried = r.Retried, resumed = r.Resumed, lastSentAt = r.LastSentAt,
    };
}
