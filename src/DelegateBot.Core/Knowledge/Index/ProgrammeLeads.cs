using DelegateBot.Core.Knowledge.Answering;

namespace DelegateBot.Core.Knowledge.Index;

/// <summary>
/// Ties each programme to the event it belongs to. A document may hold several meetings, each described in prose
/// ("This international parliamentary meeting ... will take place on 6 and 7 December 2018 in ... Rabat") or
/// announced by a header (title, date, venue) before its programme; the programme lines name neither. The words
/// of that lead are given to every item of the programme.
/// </summary>
internal static partial class ProgrammeLeads
{
    private const int MaxLeadPassages = 4;

    public static void Link(List<IndexedPassage> passages, int first)
    {
        (string Text, HashSet<string> Stems)? lead = null;
        for (var i = first; i < passages.Count; i++)
        {
            if (passages[i].Kind != ChunkKind.Programme)
            {
                if (!IsDayHeader(passages[i])) lead = null; // a day header inside a programme keeps its event
                continue;
            }
            lead ??= Lead(passages, first, i);
            passages[i].SetLead(lead.Value.Text, lead.Value.Stems);
        }
    }

    /// <summary>Back from a programme's first item: its header, else the prose that describes the event.</summary>
    private static (string Text, HashSet<string> Stems) Lead(List<IndexedPassage> passages, int first, int programme)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        var text = new List<string>();
        var prose = 0;
        for (var j = programme - 1; j >= first; j--)
        {
            var p = passages[j];
            if (p.Kind == ChunkKind.Programme) continue; // an earlier part of the same programme
            if (p.Kind == ChunkKind.Header)
            {
                if (prose > 0) break; // the heading above the description: the event before it is another
                foreach (var u in p.Units) stems.UnionWith(u.Stems);
                text.Add(p.Passage.Text);
                if (AnnouncesEvent(p)) break;
                continue;
            }
            foreach (var u in p.Units) stems.UnionWith(u.Stems);
            text.Add(p.Passage.Text);
            if (++prose == MaxLeadPassages) break;
        }
        return (string.Join('\n', text), stems);
    }

    /// <summary>A header that names the event's date and place (or its title), not a bare "[Programme]" or day line.</summary>
    private static bool AnnouncesEvent(IndexedPassage p) =>
        p.Units.Any(u => u.Entities.Any(e => e.Kind == EntityKind.Date))
        && p.Units.Any(u => u.Entities.Any(e => e.Kind is EntityKind.Room or EntityKind.Place or EntityKind.Country));

    /// <summary>
    /// A letter's date stands in its header, just above "Excellency," or "Dear ...": that date line is the date of
    /// the letter, so it gets the word "letter" (and a letter's words are found in its header).
    /// </summary>
    public static void DateLetters(List<IndexedPassage> passages, int first)
    {
        for (var i = first; i + 1 < passages.Count; i++)
        {
            var p = passages[i];
            if (p.Kind != ChunkKind.Header || passages[i + 1].Units.Length == 0 || !Salutation().IsMatch(passages[i + 1].Units[0].Text)) continue;
            foreach (var u in p.Units)
                if (u.Entities.Any(e => e.Kind == EntityKind.Date && e.Quality >= 0.99)) u.Stems.Add("letter");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:Excellency|Your Excellency|Dear\b|Sir\b|Madam\b|Monsieur|Madame)")]
    private static partial System.Text.RegularExpressions.Regex Salutation();

    private static bool IsDayHeader(IndexedPassage p) =>
        p.Kind == ChunkKind.Header && p.Units.All(u => PassageChunker.DayHeader().IsMatch(u.Text) || u.Text.StartsWith('['));
}
