using DelegateBot.BotFramework.Dialogs.Choices;

namespace DelegateBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// The few words prompts say themselves, in English and French (SDK: the per-locale defaults of
/// ChoicePrompt and ConfirmPrompt). Other locales fall back to English.
/// </summary>
public sealed record PromptCulture(string Yes, string No, string Or, string OrMore, string DidYouMean)
{
    public static readonly PromptCulture English = new("Yes", "No", " or ", ", or ", "Did you mean {0}?");
    public static readonly PromptCulture French = new("Oui", "Non", " ou ", " ou ", "Vouliez-vous dire {0} ?");

    public static PromptCulture For(string? locale)
        => locale is not null && locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? French : English;

    public ChoiceFactoryOptions ChoiceOptions(bool includeNumbers = true)
        => new() { InlineOr = Or, InlineOrMore = OrMore, IncludeNumbers = includeNumbers };

    /// <summary>"A or B", "A, B, or C" (en) / "A, B ou C" (fr).</summary>
    public string JoinOr(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        2 => items[0] + Or + items[1],
        _ => string.Join(", ", items.Take(items.Count - 1)) + OrMore + items[^1],
    };
}
