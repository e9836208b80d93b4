using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DelegateBot.Core.Localization;

/// <summary>
/// One language's texts, read from a YAML file named after its culture (en.yaml, fr.yaml, fr-CA.yaml). Nested maps
/// become dotted keys (<c>welcome: { greeting: ... }</c> is <c>welcome.greeting</c>), so a translator can group texts.
/// </summary>
public sealed partial class LocaleFile
{
    private LocaleFile(string culture, string path, IReadOnlyDictionary<string, string> texts)
    {
        Culture = culture;
        Path = path;
        Texts = texts;
    }

    /// <summary>The culture name the file is named after ("en", "fr", "fr-CA").</summary>
    public string Culture { get; }

    public string Path { get; }

    public IReadOnlyDictionary<string, string> Texts { get; }

    /// <summary>The placeholders of a text: the names between single braces ("{name}"); "{{" and "}}" are literal braces.</summary>
    public static IReadOnlySet<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal))
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}")]
    internal static partial Regex PlaceholderPattern();

    /// <summary>Reads a file; a file that is not a map of texts fails with its path and the reason.</summary>
    public static LocaleFile Load(string path)
    {
        var culture = System.IO.Path.GetFileNameWithoutExtension(path);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var reader = new StreamReader(path);
            var yaml = new YamlStream();
            yaml.Load(reader);
            if (yaml.Documents.Count > 0)
            {
                if (yaml.Documents[0].RootNode is not YamlMappingNode root)
                    throw new InvalidDataException("the file must be a map of keys to texts");
                Flatten(root, "", texts);
            }
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{path}: line {e.Start.Line}: {e.Message}", e);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        return new LocaleFile(culture, path, texts);
    }

    private static void Flatten(YamlMappingNode map, string prefix, Dictionary<string, string> texts)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            var key = prefix + ((YamlScalarNode)keyNode).Value;
            switch (value)
            {
                case YamlMappingNode inner:
                    Flatten(inner, key + ".", texts);
                    break;
                case YamlScalarNode scalar:
                    texts[key] = scalar.Value ?? "";
                    break;
                default:
                    throw new InvalidDataException($"line {value.Start.Line}: '{key}' must be a text or a group of texts, not a list");
            }
        }
    }
}
