using System.Text.RegularExpressions;

namespace DelegateBot.Core.Agenda.Extraction;

/// <summary>Reads names and roles as programmes write them: "**Name** Role", "Name, Role", "Mr. Name Director General, Org".</summary>
internal static partial class People
{
    private static readonly HashSet<string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Director", "President", "Vice", "Chief", "Executive", "Minister", "Secretary", "Secretary-General", "Under-Secretary-General",
        "Special", "Senior", "Deputy", "Head", "Chair", "Chairman", "Chairperson", "Co-Founder", "Founder", "Academic", "Dean", "National",
        "Permanent", "Representative", "Professor", "Assistant", "Coordinator", "Adviser", "Advisor", "Commissioner", "Rapporteur",
        "Member", "Officer", "Manager", "Consultant", "Lecturer", "Researcher", "Fellow", "Speaker", "Governor", "Mayor", "Prime",
        "Foreign", "High", "Regional", "Programme", "Program", "Policy", "Ambassador", "Chargé", "Counsellor", "Spokesperson",
    };
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "de", "van", "von", "da", "del", "della", "di", "du", "le", "la", "bin", "al", "el", "ter", "dos" };

    private const string HonorificPattern = @"(?:H\.\s?E\.|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Prof\.?|Professor|Sir|Dame|Ambassador|Hon\.|Rev\.|Judge|Senator|Mme\.?|Miss)(?=\s)";

    /// <summary>A bullet or "Chair:" value: one person.</summary>
    public static Person? ParseOne(string rawLine)
    {
        var raw = rawLine.Trim();
        raw = LeadingBullet().Replace(raw, "");
        var tbc = Tbc().IsMatch(raw);
        raw = Tbc().Replace(raw, "");
        var bold = Bold().Match(raw);
        if (bold.Success)
        {
            var name = Tidy(bold.Groups[1].Value);
            var role = Tidy(DocumentLines.StripMarkup(raw[(bold.Index + bold.Length)..]));
            return name.Length == 0 ? null : new Person(name, NullIfEmpty(role)) { ToBeConfirmed = tbc };
        }
        var text = Tidy(DocumentLines.StripMarkup(raw));
        return FromPlain(text, tbc);
    }

    /// <summary>Everyone named with an honorific in a phrase ("Speeches by Mr. A, President of X, and Mr. B, ...").</summary>
    public static List<Person> FindAll(string text)
    {
        var list = new List<Person>();
        var starts = Honorific().Matches(text).Select(m => m.Index).ToList();
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1] : text.Length;
            var segment = text[starts[i]..end];
            segment = RoleEnd().Split(segment)[0];
            segment = TrailingAnd().Replace(segment, "");
            var tbc = Tbc().IsMatch(segment);
            if (FromPlain(Tidy(Tbc().Replace(segment, "")), tbc) is { } p) list.Add(p);
        }
        return list;
    }

    public static bool StartsWithHonorific(string text) => Honorific().Match(text) is { Success: true, Index: 0 };

    private static Person? FromPlain(string text, bool tbc)
    {
        if (text.Length == 0) return null;
        var comma = text.IndexOf(',');
        if (comma > 0 && LooksLikeName(text[..comma]))
            return new Person(Tidy(text[..comma]), NullIfEmpty(StripThe(text[(comma + 1)..]))) { ToBeConfirmed = tbc };
        // "Mr. William Swing Director General, International Organization for Migration": the name ends where a role word starts.
        var h = Honorific().Match(text);
        var pos = h.Success && h.Index == 0 ? h.Length : 0;
        var words = text[pos..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var taken = 0;
        foreach (var w in words)
        {
            var bare = w.TrimEnd(',', ';', ':');
            if (RoleWords.Contains(bare) && taken > 0) break;
            if (!(char.IsUpper(bare.FirstOrDefault()) || Particles.Contains(bare)) || bare.Length == 0) break;
            taken++;
            if (w.EndsWith(',')) break;
        }
        if (taken == 0 || (!h.Success && taken < 2)) return null;
        var nameWords = words.Take(taken).ToList();
        var name = Tidy((pos > 0 ? text[..pos] + " " : "") + string.Join(' ', nameWords));
        var rest = Tidy(string.Join(' ', words.Skip(taken)));
        return new Person(name, NullIfEmpty(StripThe(rest))) { ToBeConfirmed = tbc };
    }

    private static bool LooksLikeName(string s)
    {
        s = s.Trim();
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (StartsWithHonorific(s)) return !words.Skip(1).Any(w => RoleWords.Contains(w));
        return words.Length is >= 2 and <= 5 && words.All(w => char.IsUpper(w[0]) || Particles.Contains(w)) && !words.Any(RoleWords.Contains);
    }

    private static string StripThe(string s)
    {
        s = Tidy(s);
        return s.StartsWith("the ", StringComparison.Ordinal) ? s[4..] : s;
    }

    private static string Tidy(string s) => Regex.Replace(s, @"\s+", " ").Trim().Trim(',', ';', ':', '-', '–', ' ');

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    [GeneratedRegex(HonorificPattern)] private static partial Regex Honorific();
    [GeneratedRegex(@"^\s*(?:[-•▪●◦]|\*(?!\*))\s+")] private static partial Regex LeadingBullet();
    [GeneratedRegex(@"\*\*(.+?)\*\*")] private static partial Regex Bold();
    [GeneratedRegex(@"\(\s*TBC\s*\)|\bTBC\b", RegexOptions.IgnoreCase)] private static partial Regex Tbc();
    [GeneratedRegex(@";|,\s*(?=(?:followed|who|which|will|to be)\b)|\s+followed by\b")] private static partial Regex RoleEnd();
    [GeneratedRegex(@"[,\s]+and\s*$")] private static partial Regex TrailingAnd();
}
