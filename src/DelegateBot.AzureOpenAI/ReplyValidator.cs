using System.Text.RegularExpressions;
using DelegateBot.Core.Knowledge;

namespace DelegateBot.AzureOpenAI;

/// <summary>The outcome of checking a model reply against the passages it was given.</summary>
internal abstract record ReplyCheck
{
    public sealed record Answered(string Text, IReadOnlyList<Passage> Cited) : ReplyCheck;
    public sealed record NotFound : ReplyCheck;
    public sealed record Invalid(string Reason) : ReplyCheck;
}

/// <summary>
/// Trust, but verify: a reply is used only if it is non-empty and every [n] names a passage it was given.
/// Citations are renumbered in order of first use so [1] is always the first citation listed.
/// </summary>
internal static partial class ReplyValidator
{
    [GeneratedRegex(@"\[(\d+(?:\s*,\s*\d+)*)\]")]
    private static partial Regex CitationMarks();

    public static ReplyCheck Check(string? reply, IReadOnlyList<Passage> passages)
    {
        var text = reply?.Trim() ?? "";
        if (text.Length == 0) return new ReplyCheck.Invalid("the reply is empty");
        if (text.Trim('.', '"', '\'', '`', ' ').Equals(GroundedPrompt.NotFoundMarker, StringComparison.Ordinal))
            return new ReplyCheck.NotFound();
        if (text.Contains(GroundedPrompt.NotFoundMarker, StringComparison.Ordinal))
            return new ReplyCheck.Invalid($"the reply mixes {GroundedPrompt.NotFoundMarker} with an answer");

        var order = new List<int>();
        foreach (Match m in CitationMarks().Matches(text))
        {
            foreach (var part in m.Groups[1].Value.Split(','))
            {
                var n = int.Parse(part.Trim(), System.Globalization.CultureInfo.InvariantCulture);
                if (n < 1 || n > passages.Count) return new ReplyCheck.Invalid($"the reply cites [{n}], but only {passages.Count} passages were given");
                if (!order.Contains(n)) order.Add(n);
            }
        }
        if (order.Count == 0) return new ReplyCheck.Invalid("the reply cites no passage");

        var renumbered = CitationMarks().Replace(text, m => "[" + string.Join(", ", m.Groups[1].Value.Split(',')
            .Select(part => order.IndexOf(int.Parse(part.Trim(), System.Globalization.CultureInfo.InvariantCulture)) + 1)) + "]");
        return new ReplyCheck.Answered(renumbered, order.Select(n => passages[n - 1]).ToArray());
    }
}
