using System.Globalization;
using System.Text;

namespace DelegateBot.Core.Agenda.Extraction;

internal static class Slug
{
    /// <summary>"Panel one: The Contribution" -> "panel-one-the-contribution" (ASCII, at most <paramref name="max"/> characters, whole words).</summary>
    public static string From(string text, int max = 60)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length > max)
        {
            var cut = slug.LastIndexOf('-', max);
            slug = slug[..(cut > 10 ? cut : max)];
        }
        return slug.Length == 0 ? "item" : slug;
    }

    public static string Unique(string slug, ISet<string> taken)
    {
        var candidate = slug;
        for (var i = 2; !taken.Add(candidate); i++) candidate = $"{slug}-{i}";
        return candidate;
    }
}
