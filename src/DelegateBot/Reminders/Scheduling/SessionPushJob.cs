using System.Globalization;
using DelegateBot.Core.Agenda;
using Quartz;

namespace DelegateBot.Reminders.Scheduling;

/// <summary>
/// Fires a session push (real or rehearsal): builds the session's card from the current agenda and hands it to
/// the delivery engine under the job's key, so a push enqueued twice is still one broadcast.
/// </summary>
public sealed class SessionPushJob(AgendaService agenda, IServiceProvider services, TimeProvider time, ILogger<SessionPushJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var key = context.JobDetail.Key.Name;
        var data = context.MergedJobDataMap;
        var meetingId = Text(data, SchedulerGroups.MeetingId);
        var sessionId = Text(data, SchedulerGroups.SessionId);
        var start = DateTimeOffset.Parse(Text(data, SchedulerGroups.StartUtc), CultureInfo.InvariantCulture);
        var shownStart = DateTimeOffset.Parse(Text(data, SchedulerGroups.ShownStartUtc), CultureInfo.InvariantCulture);

        // Misfire policy: Quartz fires a late trigger once; it is only worth sending while the session has not begun.
        var now = time.GetUtcNow();
        if (now >= shownStart)
        {
            logger.LogWarning("Push {Key} skipped: it fired at {Now:O}, after the session started ({Start:O})", key, now, shownStart);
            // Nothing can make it worth sending again: the job goes too, whether or not a re-planning already ran
            // (at start-up Quartz may fire a missed trigger while the first plan is being made).
            await context.Scheduler.DeleteJob(context.JobDetail.Key, cancellationToken);
            return;
        }
        var meeting = agenda.Current.FindMeeting(meetingId);
        var session = meeting?.Sessions.FirstOrDefault(s => s.Id == sessionId);
        if (meeting is null || session is null || meeting.StartOf(session) != start || !session.Pushes)
        {
            // The agenda changed after this was planned; re-planning schedules the session's new push, if any.
            logger.LogWarning("Push {Key} skipped: the session is no longer on the agenda at that time", key);
            return;
        }

        var message = PushCard.Build(meeting, session, shownStart, shownStart != start);
        var ticket = await DeliveryEngine.From(services).EnqueueAsync(
            new BroadcastRequest(key, message, new Audience(AudienceKind.SessionSubscribers, meetingId, sessionId), "scheduler"), cancellationToken);
        logger.LogInformation("Push {Key} enqueued as broadcast {Id} for {Recipients} conversation(s){Again}",
            key, ticket.Id, ticket.Recipients, ticket.AlreadyExisted ? " (it had been enqueued before)" : "");
    }

    internal static string Text(JobDataMap data, string name) =>
        data.TryGetValue(name, out var value) && value is string text ? text : throw new InvalidOperationException($"Job data '{name}' is missing.");
}
