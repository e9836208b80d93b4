using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DelegateBot.Core.Localization;

/// <summary>Every fixed text the bot says, in each language it has a file for (see docs/localization.md).</summary>
public interface IBotText
{
    /// <summary>The languages with a file, English first ("en", "fr", ...).</summary>
    IReadOnlyList<string> Languages { get; }

    /// <summary>
    /// The text of <paramref name="key"/> in <paramref name="culture"/> (its own file, then its language's, then
    /// English), with each "{name}" replaced by the argument of that name.
    /// </summary>
    string Get(string key, CultureInfo culture, params (string Name, object? Value)[] args);

    /// <summary>The culture to speak for a locale or language ("fr-CH", "fr", "en"), or null when no file serves it.</summary>
    CultureInfo? Match(string? locale);
}

/// <summary>
/// The catalog of <see cref="LocaleFile"/>s of one folder. English (en.yaml) is required and is the fallback for a key
/// another file lacks; a translation whose placeholders differ from English is not used (English is, and it is logged),
/// so a typo in a translation never shows "{nmae}" to a delegate.
/// </summary>
public sealed class BotText : IBotText
{
    public const string English = "en";

    /// <summary>The folder the build copies the locale files to (beside the assemblies).</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "locales");

    private readonly Dictionary<string, LocaleFile> _files;
    private readonly LocaleFile _english;
    private readonly ILogger _logger;
    private readonly HashSet<string> _reported = [];
    private readonly Lock _gate = new();

    public BotText(string folder, ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The locale folder {folder} does not exist (it holds en.yaml, fr.yaml...; see docs/localization.md).");
        _files = Directory.EnumerateFiles(folder, "*.yaml").Select(LocaleFile.Load)
            .ToDictionary(f => f.Culture, StringComparer.OrdinalIgnoreCase);
        _english = _files.TryGetValue(English, out var en) ? en
            : throw new FileNotFoundException($"{Path.Combine(folder, "en.yaml")} is missing: English is every text's fallback.");
        Languages = [English, .. _files.Keys.Where(k => !k.Equals(English, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)];
        foreach (var problem in Check()) _logger.LogWarning("Locale files: {Problem}", problem);
    }

    private static readonly Lazy<BotText> Shared = new(() => new BotText(DefaultFolder));

    /// <summary>The files shipped with the build, for code without a service provider (CLI, tests).</summary>
    public static BotText Default => Shared.Value;

    public IReadOnlyList<string> Languages { get; }

    /// <summary>The files in the catalog, by culture name.</summary>
    public IReadOnlyDictionary<string, LocaleFile> Files => _files;

    /// <summary>
    /// What a translator should fix: keys English does not have, texts whose placeholders differ from English's.
    /// Keys missing from a translation are not problems (English is used).
    /// </summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        foreach (var file in _files.Values.Where(f => f != _english))
        {
            foreach (var (key, text) in file.Texts)
            {
                if (!_english.Texts.TryGetValue(key, out var english))
                    problems.Add($"{file.Path}: '{key}' is not a key of en.yaml (misspelt, or removed from English)");
                else if (!LocaleFile.Placeholders(text).SetEquals(LocaleFile.Placeholders(english)))
                    problems.Add($"{file.Path}: '{key}' has placeholders {Names(text)} but English has {Names(english)}");
            }
        }
        return problems;
    }

    private static string Names(string text) => "{" + string.Join("}, {", LocaleFile.Placeholders(text).Order(StringComparer.Ordinal)) + "}";

    public CultureInfo? Match(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale)) return null;
        CultureInfo culture;
        try { culture = CultureInfo.GetCultureInfo(locale.Trim()); }
        catch (CultureNotFoundException) { return null; }
        if (_files.ContainsKey(culture.Name) || _files.ContainsKey(culture.TwoLetterISOLanguageName))
            // A bare language ("fr") speaks through its usual region ("fr-FR", language.culture in its file) for dates.
            return culture.IsNeutralCulture ? CultureInfo.GetCultureInfo(Raw("language.culture", culture) is { Length: > 0 } c ? c : culture.Name) : culture;
        return null;
    }

    public string Get(string key, CultureInfo culture, params (string Name, object? Value)[] args)
    {
        var text = Raw(key, culture);
        if (text is null)
        {
            Report($"'{key}' is in no locale file, not even en.yaml");
            return key;
        }
        return args.Length == 0 && !text.Contains('{') ? text : Fill(key, text, culture, args);
    }

    /// <summary>The unfilled text of a key in the most specific file that has it and agrees with English; null when none has it.</summary>
    private string? Raw(string key, CultureInfo culture)
    {
        if (!_english.Texts.TryGetValue(key, out var english)) return null;
        foreach (var name in new[] { culture.Name, culture.TwoLetterISOLanguageName })
        {
            if (!_files.TryGetValue(name, out var file) || file == _english || !file.Texts.TryGetValue(key, out var text)) continue;
            if (LocaleFile.Placeholders(text).SetEquals(LocaleFile.Placeholders(english))) return text;
        }
        return english;
    }

    private string Fill(string key, string text, CultureInfo culture, (string Name, object? Value)[] args)
    {
        var sb = new StringBuilder(text.Length + 32);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c) { sb.Append(c); i++; continue; }
            if (c == '{' && text.IndexOf('}', i) is var end and > 0 && LocaleFile.PlaceholderPattern().IsMatch(text[i..(end + 1)]))
            {
                var name = text[(i + 1)..end];
                var found = false;
                foreach (var (argName, value) in args)
                {
                    if (!argName.Equals(name, StringComparison.Ordinal)) continue;
                    sb.Append(value is IFormattable f ? f.ToString(null, culture) : value?.ToString());
                    found = true;
                    break;
                }
                if (!found) Report($"'{key}' needs {{{name}}}, which the code did not give");
                i = end;
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private void Report(string problem)
    {
        lock (_gate)
        {
            if (!_reported.Add(problem)) return;
        }
        _logger.LogError("Bot text: {Problem}", problem);
    }
}
