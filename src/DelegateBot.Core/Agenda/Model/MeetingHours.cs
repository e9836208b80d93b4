namespace DelegateBot.Core.Agenda;

/// <summary>A block of meeting hours ("from 9:15 a.m. to 1 p.m."), for meetings whose sessions have no times.</summary>
/// <param name="Date">The day, or null for every day of the meeting.</param>
public sealed record MeetingHours(DateOnly? Date, TimeOnly Start, TimeOnly End);
