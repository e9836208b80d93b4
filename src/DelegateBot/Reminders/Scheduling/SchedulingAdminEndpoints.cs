using DelegateBot.Registration;

namespace DelegateBot.Reminders.Scheduling;

/// <param name="Meeting">The meeting id (as listed by the agenda).</param>
/// <param name="At">When its first session should start in the rehearsal (ISO 8601 with offset).</param>
public sealed record RehearsalRequest(string? Meeting, DateTimeOffset? At);

public static class SchedulingAdminEndpoints
{
    /// <summary>
    /// For holders of Admin:ApiKey (401 otherwise):
    /// GET /admin/schedule (pushes, rehearsals, scheduled broadcasts), POST /admin/rehearsals {"meeting","at"},
    /// DELETE /admin/rehearsals/{meeting}.
    /// </summary>
    public static IEndpointRouteBuilder MapReminderScheduling(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapAdminGroup();

        admin.MapGet("/schedule", async (ReminderSchedule schedule, CancellationToken ct) => Results.Ok(await schedule.ListAsync(ct)));

        admin.MapPost("/rehearsals", async (RehearsalRequest request, RehearsalScheduler rehearsals, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Meeting) || request.At is null)
                return Results.BadRequest(new { error = "Give \"meeting\" (an agenda id) and \"at\" (ISO 8601 with offset, e.g. 2030-01-10T15:00:00Z)." });
            try
            {
                var plan = await rehearsals.ScheduleAsync(request.Meeting, request.At.Value, ct);
                return Results.Created($"/admin/rehearsals/{plan.MeetingId}", plan);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                return Results.BadRequest(new { error = e.Message });
            }
        });

        admin.MapDelete("/rehearsals/{meeting}", async (string meeting, RehearsalScheduler rehearsals, CancellationToken ct) =>
            Results.Ok(new { meeting, cancelled = await rehearsals.CancelAsync(meeting, ct) }));
        return endpoints;
    }
}
