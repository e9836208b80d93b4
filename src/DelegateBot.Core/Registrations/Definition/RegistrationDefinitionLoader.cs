using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DelegateBot.Core.Registrations.Definition;

/// <summary>One problem of a definition file: where it is and what is wrong.</summary>
public sealed record DefinitionError(string File, int? Line, string? Step, string Problem)
{
    public override string ToString()
        => File + (Line is { } l ? $", line {l}" : string.Empty) + (Step is null ? string.Empty : $", step '{Step}'") + ": " + Problem;
}

/// <summary>The definition file could not be used; <see cref="Errors"/> lists every problem found.</summary>
public sealed class RegistrationDefinitionException(IReadOnlyList<DefinitionError> errors)
    : Exception("The registration definition is not valid:\n" + string.Join('\n', errors.Select(e => "  " + e)))
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}

/// <summary>
/// Reads dialogs/registration.yaml into a <see cref="RegistrationDefinition"/>, checking everything an
/// organiser could get wrong (unknown keys and types, duplicate ids, choices without options, bad patterns,
/// unknown placeholders) and reporting all problems at once with file, line and step.
/// </summary>
public static class RegistrationDefinitionLoader
{
    private static readonly string[] RootKeys = ["steps", "messages", "skipWords", "maxAttempts"];
    private static readonly string[] StepKeys = ["id", "type", "label", "prompt", "retry", "help", "optional", "choices", "choicesSource", "allowOther", "validation"];
    private static readonly string[] ChoiceKeys = ["value", "label", "synonyms"];
    private static readonly string[] ValidationKeys = ["minLength", "maxLength", "pattern", "minChoices", "maxChoices", "min", "max", "notInPast", "message"];
    private static readonly Regex IdRegex = new("^[A-Za-z][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant);
    private static readonly Regex PlaceholderRegex = new(@"\{([A-Za-z]+)\}", RegexOptions.CultureInvariant);

    public static RegistrationDefinition LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RegistrationDefinitionException([new DefinitionError(path, null, null, $"cannot be read: {ex.Message}")]);
        }
        return Parse(text, path);
    }

    public static RegistrationDefinition Parse(string yaml, string source)
    {
        var reader = new Reader(source);
        YamlMappingNode? root = null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode as YamlMappingNode;
            if (root is null) reader.Error(null, null, "must be a mapping with a 'steps:' list.");
        }
        catch (YamlException ex)
        {
            reader.Error((int)ex.Start.Line, null, $"is not valid YAML: {ex.InnerException?.Message ?? ex.Message}");
        }
        if (root is null) throw new RegistrationDefinitionException(reader.Errors);

        reader.CheckKeys(root, RootKeys, null, "top level");
        var steps = reader.Steps(root);
        var messages = reader.Messages(root);
        var skipWords = root.Children.TryGetValue(new YamlScalarNode("skipWords"), out var skipNode) ? reader.Strings(skipNode, null, "skipWords") : DefinitionDefaults.SkipWords;
        var maxAttempts = root.Children.TryGetValue(new YamlScalarNode("maxAttempts"), out var attemptsNode) ? reader.Int(attemptsNode, null, "maxAttempts", 1, 10) ?? 3 : 3;
        if (reader.Errors.Count > 0) throw new RegistrationDefinitionException(reader.Errors);

        var definition = new RegistrationDefinition(steps, messages)
        {
            SkipWords = skipWords.Select(w => w.Trim().ToLowerInvariant()).ToList(),
            MaxAttempts = maxAttempts,
            Source = source,
        };
        return definition with { Hash = HashOf(definition) };
    }

    /// <summary>Hash of the meaning of the file (steps, messages, words, limits), not its layout or comments.</summary>
    private static string HashOf(RegistrationDefinition definition)
    {
        var canonical = JsonSerializer.Serialize(new
        {
            steps = definition.Steps.Select(s => s with { Line = 0 }),
            messages = definition.Messages.OrderBy(m => m.Key, StringComparer.Ordinal),
            definition.SkipWords,
            definition.MaxAttempts,
        });
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16].ToLowerInvariant();
    }

    /// <summary>Walks the YAML tree, collecting errors instead of stopping at the first.</summary>
    private sealed class Reader(string file)
    {
        public List<DefinitionError> Errors { get; } = [];

        public void Error(int? line, string? step, string problem) => Errors.Add(new DefinitionError(file, line, step, problem));

        private static int Line(YamlNode node) => (int)node.Start.Line;

        public void CheckKeys(YamlMappingNode map, string[] allowed, string? step, string where)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? string.Empty;
                if (allowed.Contains(name, StringComparer.Ordinal)) continue;
                var close = allowed.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase) || Recognizers.TextFolding.EditDistance(a.ToLowerInvariant(), name.ToLowerInvariant(), 2) <= 2);
                Error(Line(key), step, $"unknown key '{name}' at {where}" + (close is null ? $" (allowed: {string.Join(", ", allowed)})." : $"; did you mean '{close}'?"));
            }
        }

        public List<StepDefinition> Steps(YamlMappingNode root)
        {
            var steps = new List<StepDefinition>();
            if (!root.Children.TryGetValue(new YamlScalarNode("steps"), out var node) || node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
            {
                Error(root.Children.TryGetValue(new YamlScalarNode("steps"), out var n) ? Line(n) : null, null, "'steps:' must be a non-empty list of questions.");
                return steps;
            }
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var index = 0;
            foreach (var item in sequence.Children)
            {
                index++;
                if (item is not YamlMappingNode map)
                {
                    Error(Line(item), null, $"step {index} must be a mapping (id:, type:, prompt:, ...).");
                    continue;
                }
                var id = Scalar(map, "id");
                var label = id ?? $"#{index}";
                if (id is null) Error(Line(map), label, "has no 'id:'.");
                else if (!IdRegex.IsMatch(id)) Error(Line(map), label, "the id must start with a letter and use only letters, digits, '-' or '_'.");
                else if (!ids.Add(id)) Error(Line(map), label, "this id is used by another step; ids must be unique.");
                CheckKeys(map, StepKeys, label, "a step");
                if (Step(map, id ?? label, label) is { } step) steps.Add(step);
            }
            return steps;
        }

        private StepDefinition? Step(YamlMappingNode map, string id, string label)
        {
            var typeName = Scalar(map, "type");
            StepType type = StepType.Text;
            if (typeName is null) Error(Line(map), label, $"has no 'type:' (one of {string.Join(", ", StepTypes.ByName.Keys)}).");
            else if (!StepTypes.ByName.TryGetValue(typeName, out type))
                Error(NodeLine(map, "type"), label, $"type '{typeName}' is not one of {string.Join(", ", StepTypes.ByName.Keys)}.");

            var prompt = Text(map, "prompt", label, required: true);
            var stepLabel = Text(map, "label", label, required: true);
            var choices = new List<ChoiceOption>();
            var source = Scalar(map, "choicesSource");
            var isChoice = type is StepType.Choice or StepType.MultiChoice;
            if (map.Children.TryGetValue(new YamlScalarNode("choices"), out var choicesNode))
            {
                if (!isChoice) Error(Line(choicesNode), label, $"only choice and multi-choice steps have 'choices:'.");
                else choices = Choices(choicesNode, label);
            }
            if (source is not null)
            {
                if (!isChoice) Error(NodeLine(map, "choicesSource"), label, "only choice and multi-choice steps have 'choicesSource:'.");
                else if (!ChoiceSources.All.Contains(source)) Error(NodeLine(map, "choicesSource"), label, $"choicesSource '{source}' is not one of {string.Join(", ", ChoiceSources.All)}.");
                if (choicesNode is not null) Error(NodeLine(map, "choicesSource"), label, "give either 'choices:' or 'choicesSource:', not both.");
            }
            else if (isChoice && choices.Count == 0 && choicesNode is null)
            {
                Error(Line(map), label, "a choice step needs 'choices:' (a list) or 'choicesSource:' (meeting.sessions or meeting.interpretation).");
            }
            var allowOther = Bool(map, "allowOther", label) ?? false;
            if (allowOther && type != StepType.Choice) Error(NodeLine(map, "allowOther"), label, "'allowOther' applies to choice steps only.");

            var validation = map.Children.TryGetValue(new YamlScalarNode("validation"), out var validationNode)
                ? Validation(validationNode, type, label)
                : FieldValidation.None;
            if (prompt is null || stepLabel is null || typeName is null || !StepTypes.ByName.ContainsKey(typeName)) return null;
            return new StepDefinition(id, type, stepLabel, prompt)
            {
                Retry = Text(map, "retry", label, required: false),
                Help = Text(map, "help", label, required: false),
                Optional = Bool(map, "optional", label) ?? false,
                Choices = choices,
                ChoicesSource = source,
                AllowOther = allowOther,
                Validation = validation,
                Line = Line(map),
            };
        }

        private List<ChoiceOption> Choices(YamlNode node, string step)
        {
            var result = new List<ChoiceOption>();
            if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
            {
                Error(Line(node), step, "'choices:' must be a non-empty list.");
                return result;
            }
            var values = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in sequence.Children)
            {
                switch (item)
                {
                    case YamlScalarNode { Value: { Length: > 0 } value }:
                        if (!values.Add(value)) Error(Line(item), step, $"the choice '{value}' is listed twice.");
                        result.Add(new ChoiceOption(value, new LocalizedText(value)));
                        break;
                    case YamlMappingNode map:
                        CheckKeys(map, ChoiceKeys, step, "a choice");
                        var v = Scalar(map, "value");
                        if (v is null)
                        {
                            Error(Line(map), step, "a choice needs 'value:'.");
                            break;
                        }
                        if (!values.Add(v)) Error(Line(item), step, $"the choice '{v}' is listed twice.");
                        var synonyms = map.Children.TryGetValue(new YamlScalarNode("synonyms"), out var s) ? Strings(s, step, "synonyms") : [];
                        result.Add(new ChoiceOption(v, Text(map, "label", step, required: false) ?? new LocalizedText(v)) { Synonyms = synonyms });
                        break;
                    default:
                        Error(Line(item), step, "a choice is a text or a mapping with value:, label:, synonyms:.");
                        break;
                }
            }
            return result;
        }

        private FieldValidation Validation(YamlNode node, StepType type, string step)
        {
            if (node is not YamlMappingNode map)
            {
                Error(Line(node), step, "'validation:' must be a mapping.");
                return FieldValidation.None;
            }
            CheckKeys(map, ValidationKeys, step, "validation");
            var pattern = Scalar(map, "pattern");
            if (pattern is not null)
            {
                if (type != StepType.Text) Error(NodeLine(map, "pattern"), step, "'pattern' applies to text steps only.");
                try
                {
                    _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
                }
                catch (ArgumentException ex)
                {
                    Error(NodeLine(map, "pattern"), step, $"the pattern is not a valid regular expression: {ex.Message}");
                }
            }
            var validation = new FieldValidation
            {
                MinLength = IntKey(map, "minLength", step, 0, 10_000),
                MaxLength = IntKey(map, "maxLength", step, 1, 10_000),
                Pattern = pattern,
                MinChoices = IntKey(map, "minChoices", step, 0, 100),
                MaxChoices = IntKey(map, "maxChoices", step, 1, 100),
                Min = DecimalKey(map, "min", step),
                Max = DecimalKey(map, "max", step),
                NotInPast = Bool(map, "notInPast", step) ?? false,
                Message = Text(map, "message", step, required: false),
            };
            if (validation.MinLength > validation.MaxLength) Error(Line(map), step, "minLength is greater than maxLength.");
            if (validation.MinChoices > validation.MaxChoices) Error(Line(map), step, "minChoices is greater than maxChoices.");
            if ((validation.MinChoices ?? validation.MaxChoices) is not null && type != StepType.MultiChoice) Error(Line(map), step, "minChoices/maxChoices apply to multi-choice steps only.");
            if ((validation.MinLength ?? validation.MaxLength) is not null && type != StepType.Text) Error(Line(map), step, "minLength/maxLength apply to text steps only.");
            if ((validation.Min ?? validation.Max) is not null && type != StepType.Number) Error(Line(map), step, "min/max apply to number steps only.");
            if (validation.NotInPast && type != StepType.Date) Error(Line(map), step, "notInPast applies to date steps only.");
            return validation;
        }

        public Dictionary<string, LocalizedText> Messages(YamlMappingNode root)
        {
            var messages = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
            if (!root.Children.TryGetValue(new YamlScalarNode("messages"), out var node)) return messages;
            if (node is not YamlMappingNode map)
            {
                Error(Line(node), null, "'messages:' must be a mapping of message names to texts.");
                return messages;
            }
            CheckKeys(map, [.. DefinitionDefaults.Messages.Keys], null, "messages");
            foreach (var (key, _) in map.Children)
            {
                var name = ((YamlScalarNode)key).Value ?? string.Empty;
                if (!DefinitionDefaults.Messages.ContainsKey(name)) continue;
                if (Text(map, name, null, required: true) is { } text) messages[name] = text;
            }
            return messages;
        }

        /// <summary>A text: a plain string (both languages) or a mapping with en: and optional fr:.</summary>
        private LocalizedText? Text(YamlMappingNode map, string key, string? step, bool required)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                if (required) Error(Line(map), step, $"has no '{key}:'.");
                return null;
            }
            LocalizedText? text = null;
            switch (node)
            {
                case YamlScalarNode { Value: { Length: > 0 } value }:
                    text = new LocalizedText(value);
                    break;
                case YamlMappingNode languages:
                    CheckKeys(languages, ["en", "fr"], step, $"'{key}'");
                    var en = Scalar(languages, "en");
                    if (en is null) Error(Line(languages), step, $"'{key}' needs an English text under 'en:'.");
                    else text = new LocalizedText(en, Scalar(languages, "fr"));
                    break;
                default:
                    Error(Line(node), step, $"'{key}' must be a text, or en: and fr: texts.");
                    break;
            }
            if (text is not null)
            {
                foreach (var value in new[] { text.En, text.Fr })
                {
                    foreach (Match m in PlaceholderRegex.Matches(value ?? string.Empty))
                    {
                        if (!DefinitionDefaults.Placeholders.Contains(m.Groups[1].Value))
                            Error(Line(node), step, $"'{key}' uses the unknown placeholder {m.Value} (known: {string.Join(", ", DefinitionDefaults.Placeholders.Select(p => "{" + p + "}"))}).");
                    }
                }
            }
            return text;
        }

        public List<string> Strings(YamlNode node, string? step, string key)
        {
            if (node is YamlSequenceNode sequence && sequence.Children.All(c => c is YamlScalarNode { Value.Length: > 0 }))
                return sequence.Children.Select(c => ((YamlScalarNode)c).Value!).ToList();
            Error(Line(node), step, $"'{key}' must be a list of words.");
            return [];
        }

        public int? Int(YamlNode node, string? step, string key, int min, int max)
        {
            if (node is YamlScalarNode { Value: { } v } && int.TryParse(v, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
            Error(Line(node), step, $"'{key}' must be a whole number from {min} to {max}.");
            return null;
        }

        private int? IntKey(YamlMappingNode map, string key, string step, int min, int max)
            => map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? Int(node, step, key, min, max) : null;

        private decimal? DecimalKey(YamlMappingNode map, string key, string step)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node)) return null;
            if (node is YamlScalarNode { Value: { } v } && decimal.TryParse(v, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d)) return d;
            Error(Line(node), step, $"'{key}' must be a number.");
            return null;
        }

        private bool? Bool(YamlMappingNode map, string key, string step)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node)) return null;
            if (node is YamlScalarNode { Value: "true" or "false" } scalar) return scalar.Value == "true";
            Error(Line(node), step, $"'{key}' must be true or false.");
            return null;
        }

        private static string? Scalar(YamlMappingNode map, string key)
            => map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value } ? value.Trim() : null;

        private static int NodeLine(YamlMappingNode map, string key)
            => map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? Line(node) : Line(map);
    }
}
