using DelegateBot.BotFramework.Schema;

namespace DelegateBot.BotFramework.Dialogs.Choices;

/// <summary>An option a prompt offers (SDK: Choice). <see cref="Action"/> overrides the button sent for it.</summary>
public sealed class Choice
{
    public Choice()
    {
    }

    public Choice(string value) => Value = value;

    public string Value { get; set; } = string.Empty;
    public CardAction? Action { get; set; }
    public List<string>? Synonyms { get; set; }
}

/// <summary>A choice the user picked (SDK: FoundChoice). <see cref="Index"/> is zero-based in the offered list.</summary>
public sealed class FoundChoice
{
    public string Value { get; set; } = string.Empty;
    public int Index { get; set; }
    public double Score { get; set; }
    public string? Synonym { get; set; }

    public override string ToString() => Value;
}

/// <summary>How a prompt shows its choices (SDK: ListStyle).</summary>
public enum ListStyle
{
    None,
    /// <summary>Numbered text (inline when short, a list otherwise) plus buttons: works on every channel.</summary>
    Auto,
    Inline,
    List,
    SuggestedAction,
}

/// <summary>Words used to join choices inline (SDK: ChoiceFactoryOptions).</summary>
public sealed class ChoiceFactoryOptions
{
    public string InlineSeparator { get; set; } = ", ";
    public string InlineOr { get; set; } = " or ";
    public string InlineOrMore { get; set; } = ", or ";
    public bool IncludeNumbers { get; set; } = true;
}
