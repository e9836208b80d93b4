namespace DelegateBot.Core.Agenda;

/// <summary>The agenda of all documents, after the organiser's corrections.</summary>
/// <param name="Deadlines">Deadlines not tied to a meeting (a questionnaire's submission date).</param>
/// <param name="Problems">What went wrong while building it (an invalid agenda.yaml), for logs and the CLI.</param>
public sealed record Agenda(IReadOnlyList<Meeting> Meetings, IReadOnlyList<Deadline> Deadlines, IReadOnlyList<string> Problems)
{
    public static Agenda Empty { get; } = new([], [], []);

    /// <summary>Every deadline, the meetings' and the loose ones, by date.</summary>
    public IEnumerable<Deadline> AllDeadlines =>
        Meetings.SelectMany(m => m.Deadlines).Concat(Deadlines).OrderBy(d => d.Date);

    public Meeting? FindMeeting(string id) => Meetings.FirstOrDefault(m => m.Id == id);
}
