using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace DelegateBot.Benchmarks.Corpus;

/// <summary>
/// Realistic prose to recombine: the paragraphs and sentences of the shared corpus and of the seed documents,
/// read where they live at run time (never copied into the repository).
/// </summary>
public sealed partial class SourceText
{
    public required IReadOnlyList<string> Paragraphs { get; init; }
    public required IReadOnlyList<string> Sentences { get; init; }
    /// <summary>SHA-256 of the files read (names and bytes), so a cached corpus is rebuilt when its sources change.</summary>
    public required string Hash { get; init; }

    /// <summary>The shared corpus and the repository's seed documents.</summary>
    public static SourceText LoadDefault() => Load([RepoPaths.SharedCorpus, RepoPaths.Knowledge]);

    public static SourceText Load(IEnumerable<string> folders)
    {
        var files = folders.Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*.txt").Concat(Directory.EnumerateFiles(f, "*.md")))
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new InvalidOperationException($"No source text found in {string.Join(", ", folders)}: the synthetic corpus is made from ../shared/corpus and knowledge/ (set DELEGATEBOT_SHARED if shared/ is elsewhere).");
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var paragraphs = new List<string>();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file)));
            sha.AppendData(bytes);
            paragraphs.AddRange(ParagraphsOf(Encoding.UTF8.GetString(bytes)));
        }
        var sentences = paragraphs.SelectMany(p => SentenceBreak().Split(p))
            .Where(s => s.EndsWith('.') && WordCount(s) >= 6).Distinct().ToList();
        return new SourceText { Paragraphs = paragraphs, Sentences = sentences, Hash = Convert.ToHexString(sha.GetHashAndReset())[..16] };
    }

    /// <summary>Prose paragraphs (wrapped lines joined, list and heading marks dropped) of a plausible length.</summary>
    internal static IEnumerable<string> ParagraphsOf(string text)
    {
        foreach (var block in BlankLine().Split(text.Replace("\r", "")))
        {
            var joined = Spaces().Replace(string.Join(' ', block.Split('\n').Select(l => Marks().Replace(l.Trim(), ""))), " ").Trim();
            joined = joined.Replace("**", "").Replace("\\$", "$").Replace("*", "");
            if (joined.Length is < 80 or > 1500 || WordCount(joined) < 12 || !joined.Contains('.')) continue;
            yield return joined;
        }
    }

    private static int WordCount(string s) => s.Count(c => c == ' ') + 1;

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"^(?:#+\s*|[-•*]\s+|\(?[a-z]\)\s+|[a-z]\.\s+|\d{1,3}[.)]\s+)")]
    private static partial Regex Marks();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?<=[a-z)]\.)\s+(?=[A-Z])")]
    private static partial Regex SentenceBreak();
}
