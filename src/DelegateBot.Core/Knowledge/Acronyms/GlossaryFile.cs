using Microsoft.Extensions.Logging;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace DelegateBot.Core.Knowledge.Acronyms;

/// <summary>What knowledge/glossary.yaml adds to what the documents teach: acronyms and synonym groups.</summary>
public sealed record Glossary(IReadOnlyList<AcronymPair> Acronyms, IReadOnlyList<IReadOnlyList<string>> Synonyms)
{
    public static Glossary Empty { get; } = new([], []);
}

/// <summary>
/// Reads the editable glossary (YAML):
/// <code>
/// acronyms:
///   GFMD: Global Forum on Migration and Development
///   UN: [United Nations]
/// synonyms:
///   - [fund, finance, sponsor]
/// </code>
/// A malformed glossary is logged and ignored; the documents still load.
/// </summary>
public static class GlossaryFile
{
    public const string DefaultName = "glossary.yaml";

    public static bool IsGlossary(string fileName) =>
        fileName.Equals("glossary.yaml", StringComparison.OrdinalIgnoreCase) || fileName.Equals("glossary.yml", StringComparison.OrdinalIgnoreCase);

    public static Glossary Load(string path, ILogger logger)
    {
        if (!File.Exists(path)) return Glossary.Empty;
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is YamlException or IOException or InvalidCastException or FormatException)
        {
            logger.LogWarning("Glossary {Path} ignored: {Message}", path, ex.Message);
            return Glossary.Empty;
        }
    }

    public static Glossary Parse(string yaml)
    {
        var root = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object?>>(yaml) ?? [];
        var acronyms = new List<AcronymPair>();
        if (root.TryGetValue("acronyms", out var a) && a is Dictionary<object, object?> map)
        {
            foreach (var (key, value) in map)
            {
                var acronym = key.ToString()?.Trim();
                if (string.IsNullOrEmpty(acronym)) continue;
                foreach (var expansion in Strings(value))
                    acronyms.Add(new AcronymPair(acronym, expansion, AcronymOrigin.Glossary));
            }
        }
        var synonyms = new List<IReadOnlyList<string>>();
        if (root.TryGetValue("synonyms", out var s) && s is List<object?> groups)
        {
            foreach (var group in groups)
            {
                var words = Strings(group).ToList();
                if (words.Count > 1) synonyms.Add(words);
            }
        }
        return new Glossary(acronyms, synonyms);
    }

    private static IEnumerable<string> Strings(object? value) => value switch
    {
        string s when s.Trim().Length > 0 => [s.Trim()],
        List<object?> list => list.Select(x => x?.ToString()?.Trim()).Where(x => !string.IsNullOrEmpty(x)).Select(x => x!),
        _ => [],
    };
}
