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
        var programme = new List<IndexedPassage>();
        var start = -1;
        for (var i = first; i < passages.Count; i++)
        {
            if (passages[i].Kind != ChunkKind.Programme)
            {
                if (IsDayHeader(passages[i])) continue; // a day header inside a programme keeps its event
                Close(passages, first, start, programme, lead);
                lead = null;
                continue;
            }
            if (lead is null)
            {
                lead = Lead(passages, first, i);
                start = i;
            }
            passages[i].SetLead(lead.Value.Text, lead.Value.Stems);
            programme.Add(passages[i]);
        }
        Close(passages, first, start, programme, lead);
    }

    private static void Close(List<IndexedPassage> passages, int first, int start, List<IndexedPassage> programme, (string Text, HashSet<string> Stems)? lead)
    {
        if (programme.Count > 0 && lead is { } l) DateTheEvent(passages, first, start, programme, l);
        NumberDays(programme);
    }

    /// <summary>
    /// The days of a programme are the dates of its event ("22–23 February 2018"), which the text may give nowhere
    /// else: the line of its first day gets them, with the event's lead, so "when is the hearing?" finds them.
    /// </summary>
    private static void DateTheEvent(List<IndexedPassage> passages, int first, int start, List<IndexedPassage> programme, (string Text, HashSet<string> Stems) lead)
    {
        var days = programme.Select(p => p.Day).Where(d => d is not null).Distinct().ToList();
        if (days.Count < 2 || ProgrammeDays.Span(days!) is not { } span) return;
        for (var j = start - 1; j >= first && j >= start - 3; j--)
        {
            var p = passages[j];
            if (p.Kind != ChunkKind.Header) continue;
            var u = Array.FindIndex(p.Units, x => x.Text == days[0]);
            if (u < 0) continue;
            p.Units[u] = p.Units[u].WithEntity(new Entity(EntityKind.Date, span, 0, p.Units[u].Text.Length, 1.0));
            p.SetLead(lead.Text, lead.Stems);
            return;
        }
    }

    /// <summary>"The first day", "the last day": each item learns which day of its programme it is on.</summary>
    private static void NumberDays(List<IndexedPassage> programme)
    {
        var days = programme.Select(p => p.Day).Where(d => d is not null).Distinct().ToList();
        if (days.Count > 0)
            foreach (var p in programme)
            {
                if (p.Day is null) continue;
                var k = days.IndexOf(p.Day);
                var words = k < Ordinals.Length ? $"{Ordinals[k]} day" : "";
                if (k == days.Count - 1) words += " . last day";
                p.DayTokens = KnowledgeAnalyzer.Instance.Tokens(words).ToArray();
            }
        programme.Clear();
    }

    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh"];

    /// <summary>Back from a programme's first item: its header, else the prose that describes the event.</summary>
    private static (string Text, HashSet<string> Stems) Lead(List<IndexedPassage> passages, int first, int programme)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        var text = new List<string>();
        var prose = 0;
        var section = passages[programme].Section;
        for (var j = programme - 1; j >= first; j--)
        {
            var p = passages[j];
            if (p.Kind == ChunkKind.Programme) continue; // an earlier part of the same programme
            // Prose under another heading ("7. Contact" before "PROVISIONAL PROGRAMME") is not about the event.
            if (p.Kind != ChunkKind.Header && p.Section != section) break;
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
            for (var u = 0; u < p.Units.Length; u++)
                if (p.Units[u].Entities.Any(e => e.Kind == EntityKind.Date && e.Quality >= 0.95)) p.Units[u] = p.Units[u].WithImplied(Letter);
        }
    }

    private static readonly string Letter = ImplicitStems.Stem("letter");

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:Excellency|Your Excellency|Dear\b|Sir\b|Madam\b|Monsieur|Madame)")]
    private static partial System.Text.RegularExpressions.Regex Salutation();

    private static bool IsDayHeader(IndexedPassage p) =>
        p.Kind == ChunkKind.Header && p.Units.All(u => PassageChunker.DayHeader().IsMatch(u.Text) || u.Text.StartsWith('['));
}
