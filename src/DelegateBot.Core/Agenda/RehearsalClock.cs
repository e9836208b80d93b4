namespace DelegateBot.Core.Agenda;

/// <summary>
/// A clock shifted by a fixed offset, so a past meeting can be replayed as if it started at a chosen moment
/// (rehearsal). Durations and timers run at real speed; only "now" moves.
/// </summary>
public sealed class RehearsalClock(TimeProvider inner, TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset { get; } = offset;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;
    public override long TimestampFrequency => inner.TimestampFrequency;
    public override long GetTimestamp() => inner.GetTimestamp();
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>The clock on which <paramref name="meeting"/>'s first session (or first day) starts at <paramref name="realStart"/>.</summary>
    public static RehearsalClock For(Meeting meeting, DateTimeOffset realStart, TimeProvider inner)
    {
        DateTimeOffset first = meeting.Sessions.Select(meeting.StartOf).Where(s => s is not null).Min()
            ?? (meeting.StartDate is { } d
                ? AgendaTime.ToInstant(d, meeting.Hours.Count > 0 ? meeting.Hours.Min(h => h.Start) : new TimeOnly(9, 0), meeting.TimeZone)
                : throw new InvalidOperationException($"Meeting {meeting.Id} has no date to rehearse."));
        return new RehearsalClock(inner, first - realStart);
    }
}
