namespace DelegateBot.Core.Registrations.Definition;

/// <summary>Text in English and French; French falls back to English when the organiser gave none.</summary>
public sealed record LocalizedText(string En, string? Fr = null)
{
    public string For(string? locale)
        => locale is not null && locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(Fr) ? Fr : En;

    /// <summary>The text for the locale with {placeholders} filled in; unknown placeholders stay as written.</summary>
    public string Format(string? locale, IReadOnlyDictionary<string, string?> values)
    {
        var text = For(locale);
        foreach (var (name, value) in values) text = text.Replace("{" + name + "}", value ?? string.Empty, StringComparison.Ordinal);
        return text;
    }
}

/// <summary>The kinds of question a step can ask; the YAML names are in <see cref="StepTypes"/>.</summary>
public enum StepType
{
    Text,
    Email,
    Phone,
    Choice,
    MultiChoice,
    Confirm,
    Date,
    Number,
}

public static class StepTypes
{
    public static readonly IReadOnlyDictionary<string, StepType> ByName = new Dictionary<string, StepType>(StringComparer.Ordinal)
    {
        ["text"] = StepType.Text,
        ["email"] = StepType.Email,
        ["phone"] = StepType.Phone,
        ["choice"] = StepType.Choice,
        ["multi-choice"] = StepType.MultiChoice,
        ["confirm"] = StepType.Confirm,
        ["date"] = StepType.Date,
        ["number"] = StepType.Number,
    };

    public static string NameOf(StepType type) => ByName.First(p => p.Value == type).Key;
}

/// <summary>Where a choice step's options come from when they are not listed in the file.</summary>
public static class ChoiceSources
{
    /// <summary>The sessions of the meeting being registered for.</summary>
    public const string MeetingSessions = "meeting.sessions";
    /// <summary>The interpretation languages the meeting offers.</summary>
    public const string MeetingInterpretation = "meeting.interpretation";

    public static readonly IReadOnlyList<string> All = [MeetingSessions, MeetingInterpretation];
}

/// <summary>An option of a choice step: its stored value, what is shown, and other words for it.</summary>
public sealed record ChoiceOption(string Value, LocalizedText Label)
{
    public IReadOnlyList<string> Synonyms { get; init; } = [];
}

/// <summary>Rules an answer must meet beyond being understood, with the message shown when it does not.</summary>
public sealed record FieldValidation
{
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    /// <summary>A .NET regular expression the whole answer must match (text steps).</summary>
    public string? Pattern { get; init; }
    /// <summary>Fewest and most options of a multi-choice step.</summary>
    public int? MinChoices { get; init; }
    public int? MaxChoices { get; init; }
    /// <summary>Bounds of a number step.</summary>
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    /// <summary>For date steps: the date may not be in the past.</summary>
    public bool NotInPast { get; init; }
    public LocalizedText? Message { get; init; }

    public static readonly FieldValidation None = new();
}

/// <summary>One question of the flow, as the organiser wrote it.</summary>
public sealed record StepDefinition(string Id, StepType Type, LocalizedText Label, LocalizedText Prompt)
{
    public LocalizedText? Retry { get; init; }
    public LocalizedText? Help { get; init; }
    /// <summary>May be skipped with one of the skip words.</summary>
    public bool Optional { get; init; }
    public IReadOnlyList<ChoiceOption> Choices { get; init; } = [];
    public string? ChoicesSource { get; init; }
    /// <summary>A choice step that also accepts an answer not in the list (kept as typed).</summary>
    public bool AllowOther { get; init; }
    public FieldValidation Validation { get; init; } = FieldValidation.None;
    /// <summary>The line of the step in the file, for messages.</summary>
    public int Line { get; init; }
}

/// <summary>
/// The registration flow as data (dialogs/registration.yaml): the steps in order, the messages, the
/// skip words and the retry limit. <see cref="Hash"/> identifies the content (not the formatting or comments);
/// a conversation begun under another hash restarts.
/// </summary>
public sealed record RegistrationDefinition(IReadOnlyList<StepDefinition> Steps, IReadOnlyDictionary<string, LocalizedText> Messages)
{
    public IReadOnlyList<string> SkipWords { get; init; } = DefinitionDefaults.SkipWords;
    public int MaxAttempts { get; init; } = 3;
    public string Hash { get; init; } = string.Empty;
    public string Source { get; init; } = string.Empty;

    public StepDefinition? FindStep(string id) => Steps.FirstOrDefault(s => s.Id == id);

    /// <summary>A message by key: the file's version, else the built-in default.</summary>
    public LocalizedText Message(string key)
        => Messages.TryGetValue(key, out var text) ? text
            : DefinitionDefaults.Messages.TryGetValue(key, out var fallback) ? fallback
            : throw new KeyNotFoundException($"No registration message '{key}'.");
}
