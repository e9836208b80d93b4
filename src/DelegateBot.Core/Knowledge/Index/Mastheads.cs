using System.Text.RegularExpressions;
using DelegateBot.Core.Knowledge.Answering;

namespace DelegateBot.Core.Knowledge.Index;

/// <summary>
/// What a document says about itself in its masthead (the header lines before its text): its date ("Distr.: General
/// 11 August 2008", "Geneva, 12 June 2019", a letter's date above "Excellency,") and its symbol ("United Nations
/// A/63/269", "Ref.: HMD/2019/114"). "What is the date of the report?" and "what is the symbol of the letter?" are
/// answered from there, not from a date or a symbol the text cites. A letter's date also learns who signed it.
/// </summary>
internal static partial class Mastheads
{
    public const string Issued = "issued", Symbol = "symbol";

    public static void Mark(List<IndexedPassage> passages, int first)
    {
        if (first >= passages.Count || passages[first].Kind != ChunkKind.Header) return;
        var p = passages[first];
        var dated = false;
        for (var u = 0; u < p.Units.Length; u++)
        {
            var unit = p.Units[u];
            // One day, not a range: a document is issued on a day; "12-13 September 2019" is its event.
            if (!dated && unit.Entities.FirstOrDefault(e => e.Kind == EntityKind.Date && e.Role is null && !e.Inferred && e.Quality is >= 0.94 and < 0.99) is { } date)
            {
                p.Units[u] = unit = unit.WithEntity(date.WithRole(Issued), e => !ReferenceEquals(e, date));
                dated = true;
            }
            if (unit.Entities.FirstOrDefault(e => e.Kind == EntityKind.Reference && e.Role is null) is { } symbol)
                p.Units[u] = unit.WithEntity(symbol.WithRole(Symbol), e => !ReferenceEquals(e, symbol));
        }
    }

    /// <summary>
    /// The year a document speaks from: its masthead's date, else the latest year its header lines give; 0 when none.
    /// "Who chairs the GMG?" is answered by the latest document that says.
    /// </summary>
    public static int YearOf(IEnumerable<IndexedPassage> documentPassages)
    {
        var latest = 0;
        foreach (var p in documentPassages)
        {
            if (p.Kind != ChunkKind.Header) continue;
            foreach (var unit in p.Units)
                foreach (var e in unit.Entities)
                {
                    if (e.Kind != EntityKind.Date || YearIn().Match(e.Text) is not { Success: true } y) continue;
                    var year = int.Parse(y.Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (e.Role == Issued) return year;
                    latest = Math.Max(latest, year);
                }
        }
        return latest;
    }

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b")]
    private static partial Regex YearIn();

    /// <summary>
    /// The letter's date (a header above "Excellency,") learns the words of its signature (the lines after "Please accept
    /// ... consideration"): "the letter from Joseph Deiss" is the one he signed.
    /// </summary>
    public static void SignLetters(List<IndexedPassage> passages, int first)
    {
        for (var i = first; i < passages.Count; i++)
        {
            var p = passages[i];
            var u = Array.FindIndex(p.Units, x => x.Stems.Contains(Letter) && !x.Literal.Contains(Letter) && x.Entities.Any(e => e.Kind == EntityKind.Date));
            if (p.Kind != ChunkKind.Header || u < 0) continue;
            var signature = Signature(passages, i + 1);
            if (signature is null) continue;
            var unit = p.Units[u];
            foreach (var stem in signature) if (!unit.Stems.Contains(stem)) unit = unit.WithImplied(stem);
            p.Units[u] = unit;
        }
    }

    private static HashSet<string>? Signature(List<IndexedPassage> passages, int from)
    {
        for (var j = from; j < passages.Count && j < from + 12; j++)
        {
            if (!passages[j].Units.Any(x => Valediction().IsMatch(x.Text))) continue;
            // The signer: the next header lines (a name and a title), skipping a note on the handwritten signature.
            for (var k = j + 1; k < passages.Count && k <= j + 3; k++)
            {
                var next = passages[k];
                if (next.Kind != ChunkKind.Header) continue;
                var stems = new HashSet<string>(StringComparer.Ordinal);
                foreach (var line in next.Units.Take(2)) stems.UnionWith(line.Literal);
                return stems;
            }
            return null;
        }
        return null;
    }

    private static readonly string Letter = ImplicitStems.Stem("letter");

    [GeneratedRegex(@"^(?:Please accept|Accept,|Yours (?:sincerely|faithfully|truly)|Sincerely|Kind regards|Best regards|With (?:kind|best) regards|Respectfully|Avec)", RegexOptions.IgnoreCase)]
    private static partial Regex Valediction();
}
