using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DelegateBot.Core.Knowledge;

namespace DelegateBot.Core.Tests.Knowledge.Probes;

/// <summary>
/// One probe question: the terms an answer must contain (a term given as a list passes with any one of its
/// alternatives), or <see cref="Answerable"/> false when the documents do not hold the answer. The format and the
/// folding are those of the evaluation's score.py, so a probe passes here exactly when it would pass there.
/// </summary>
internal sealed record Probe(string Id, string Question, IReadOnlyList<IReadOnlyList<string>> ExpectAll, bool Answerable)
{
    public static IReadOnlyList<Probe> Load(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(Parse).ToArray();

    private static Probe Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var expect = new List<IReadOnlyList<string>>();
        if (root.TryGetProperty("expect_all", out var terms))
            foreach (var term in terms.EnumerateArray())
                expect.Add(term.ValueKind == JsonValueKind.Array ? term.EnumerateArray().Select(t => t.GetString()!).ToArray() : [term.GetString()!]);
        var answerable = !root.TryGetProperty("answerable", out var a) || a.GetBoolean();
        return new Probe(root.GetProperty("id").GetString()!, root.GetProperty("question").GetString()!, expect, answerable);
    }

    /// <summary>Null when the answer passes, else why it does not.</summary>
    public string? Check(Answer answer)
    {
        if (!Answerable) return answer.Found ? "answered a question the documents cannot answer" : null;
        if (!answer.Found) return "not found";
        if (answer.Citations.Count == 0) return "no citation";
        var text = Fold(answer.Text);
        var missing = ExpectAll.Where(alternatives => !alternatives.Any(t => Has(text, t))).Select(t => string.Join("|", t)).ToList();
        return missing.Count == 0 ? null : "missing " + string.Join(", ", missing);
    }

    private static bool Has(string folded, string term)
    {
        var t = Fold(term).Trim();
        return Regex.IsMatch(folded, "(?<![a-z0-9])" + Regex.Escape(t) + "(?![a-z0-9])");
    }

    /// <summary>score.py's fold: accents off, lower case, only letters, digits and : / $ ' % kept.</summary>
    private static string Fold(string s)
    {
        var decomposed = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        var lower = sb.ToString().ToLowerInvariant().Replace('\u2019', '\'');
        lower = Regex.Replace(lower, "[^a-z0-9:/$'%]+", " ");
        return " " + Regex.Replace(lower, @"\s+", " ").Trim() + " ";
    }
}
