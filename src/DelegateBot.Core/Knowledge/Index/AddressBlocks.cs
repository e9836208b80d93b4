using System.Text.RegularExpressions;
using DelegateBot.Core.Knowledge.Answering;

namespace DelegateBot.Core.Knowledge.Index;

/// <summary>
/// Postal addresses laid out over several lines ("UNITAR c/o ... / 1 United Nations Plaza, Suite DC1-603 /
/// New York, NY 10017-3515"): found once at index time, and given to each of their lines (and to the lead-in
/// "return it to the following address:") as one place, so "where" questions get the whole address.
/// </summary>
internal static partial class AddressBlocks
{
    public static void Mark(List<TextUnit> units)
    {
        // Linear: a block never reaches back before the end of the previous one, and the scan only moves forward (a
        // street line that was no address line itself, "Value: Via ...", once sent the scan back before it for ever).
        var scanned = 0;
        for (var i = 0; i < units.Count; i++)
        {
            var leadIn = units[i].IsLeadIn && units[i].Text.Contains("address", StringComparison.OrdinalIgnoreCase) ? i : -1;
            var start = leadIn >= 0 ? i + 1 : i;
            // The street or postcode line is part of the block it starts from ("Value: Via Altinate, 71" is a label's line).
            if (leadIn < 0 && (!IsAddressLine(units[i]) || !StreetOrPostcode().IsMatch(units[i].Text))) continue;
            // From the first address line: back to the block's start when the street line is not the first one.
            if (leadIn < 0)
                while (start > scanned && IsAddressLine(units[start - 1]) && units[start - 1].Parent == units[i].Parent) start--;
            var end = start;
            while (end < units.Count && IsAddressLine(units[end]) && (leadIn < 0 || units[end].Parent == leadIn)) end++;
            if (end - start < 2 && leadIn < 0) continue;
            if (end == start) continue;
            var address = string.Join(", ", units.Skip(start).Take(end - start).Select(u => u.Text.TrimEnd(',', ';', '.')));
            if (leadIn >= 0) units[leadIn] = With(units[leadIn], address);
            for (var u = start; u < end; u++) units[u] = With(units[u], address);
            scanned = end;
            i = Math.Max(i, end - 1);
        }
    }

    /// <summary>A short line without a "Label:" (which starts the phone, fax or deadline lines after an address).</summary>
    private static bool IsAddressLine(TextUnit unit) =>
        unit.Kind != UnitKind.Sentence && !unit.Text.Contains(':') && unit.Text.Length <= 80 && !unit.Text.EndsWith('.');

    // The whole address supersedes its parts ("Suite DC1-603", "New York") as the place the line gives.
    private static TextUnit With(TextUnit unit, string address) =>
        unit.WithEntity(new Entity(EntityKind.Place, address, 0, unit.Text.Length, 1.0, "address"), e => e.Kind is not (EntityKind.Room or EntityKind.Place));

    [GeneratedRegex(@"(?<![\d-])\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}-\d{4,5}\b|\b[A-Z]{1,2}\d{1,2}[A-Z]?\s\d[A-Z]{2}\b|\bP\.?\s?O\.?\s+Box\b|\b(?:Plaza|Street|St\.|Avenue|Ave\.|Road|Rd\.|Rue|Suite|Boulevard|Blvd\.?|Square|Lane|Floor|Strasse|Straße|Via|Calle)\b")]
    private static partial Regex StreetOrPostcode();
}

/// <summary>
/// Words a line implies without saying them: "a letter from X" was signed by X; "c/o X" names the contact.
/// Added to a unit's stems at index time so a question's "signed" or "contact" finds such lines.
/// </summary>
internal static partial class ImplicitStems
{
    private static readonly string Signed = Stem("signed"), Contact = Stem("contact"), Email = Stem("email"), Question = Stem("question"), Deadline = Stem("deadline");

    internal static string Stem(string word) => KnowledgeAnalyzer.Instance.Stem(word) ?? word;

    public static void Add(string text, HashSet<string> stems)
    {
        if (LetterFrom().IsMatch(text)) stems.Add(Signed);
        if (CareOf().IsMatch(text)) stems.Add(Contact);
        if (text.Contains('@') && EmailLike().IsMatch(text)) stems.Add(Email);
        if (text.EndsWith('?')) stems.Add(Question); // a key question is asked, not called one
        if (ByDate().IsMatch(text)) stems.Add(Deadline); // "RSVP by 1 April 2019": a deadline
    }

    [GeneratedRegex(@"\bletters?\b(?:\s+dated\s+[^,.;]{3,40})?\s+from\s+(?:the\s+)?[A-Z]")]
    private static partial Regex LetterFrom();

    [GeneratedRegex(@"\bc/o\b|\b(?:[Aa]ttention|[Aa]ttn)\b\s*[:.]|^Contact\b|\bcontact person\b|\bfocal point\b")]
    private static partial Regex CareOf();

    [GeneratedRegex(@"\b(?:[Bb]y|[Nn]o later than|[Nn]ot later than|[Bb]efore)\s+(?:\w+day,?\s+)?\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")]
    private static partial Regex ByDate();

    [GeneratedRegex(@"\b[\w.+-]+@[\w-]+\.[\w.]+\b")]
    private static partial Regex EmailLike();
}
