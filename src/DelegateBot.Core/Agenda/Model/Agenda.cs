using System.Runtime.CompilerServices;

namespace DelegateBot.Core.Agenda;

/// <summary>The agenda of all documents, after the organiser's corrections.</summary>
/// <param name="Deadlines">Deadlines not tied to a meeting (a questionnaire's submission date).</param>
/// <param name="Problems">What went wrong while building it (an invalid agenda.yaml), for logs and the CLI.</param>
public sealed record Agenda(IReadOnlyList<Meeting> Meetings, IReadOnlyList<Deadline> Deadlines, IReadOnlyList<string> Problems)
{
    public static Agenda Empty { get; } = new([], [], []);

    /// <summary>Every deadline, the meetings' and the loose ones, by date.</summary>
    public IReadOnlyList<Deadline> AllDeadlines => ByDate.GetValue(this, a => a.Meetings.SelectMany(m => m.Deadlines).Concat(a.Deadlines).OrderBy(d => d.Date).ToArray());

    public Meeting? FindMeeting(string id) => ById.GetValue(this, Index).GetValueOrDefault(id);

    // Kept beside the record, not in it, so equality stays that of its data; a question about one deadline looked
    // up every deadline's meeting by a scan (70 ms a question with ten thousand meetings).
    private static readonly ConditionalWeakTable<Agenda, Dictionary<string, Meeting>> ById = new();

    // The same for the deadlines by date: every deadline question sorted them all again.
    private static readonly ConditionalWeakTable<Agenda, Deadline[]> ByDate = new();

    private static Dictionary<string, Meeting> Index(Agenda agenda)
    {
        var byId = new Dictionary<string, Meeting>(StringComparer.Ordinal);
        foreach (var m in agenda.Meetings) byId.TryAdd(m.Id, m);
        return byId;
    }
}
