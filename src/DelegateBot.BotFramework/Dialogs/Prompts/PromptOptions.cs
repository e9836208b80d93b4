using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Dialogs.Choices;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.BotFramework.Dialogs.Prompts;

/// <summary>What a prompt asks and how (SDK: PromptOptions). Persisted as JSON with the prompt.</summary>
public sealed class PromptOptions
{
    public Activity? Prompt { get; set; }

    /// <summary>Sent after input that was not understood or not valid; <see cref="Prompt"/> when null.</summary>
    public Activity? RetryPrompt { get; set; }

    public List<Choice>? Choices { get; set; }

    /// <summary>Overrides the prompt's own list style for this question.</summary>
    public ListStyle? Style { get; set; }

    /// <summary>Free-form data for the validator (SDK: Validations), kept as JSON.</summary>
    public JsonNode? Validations { get; set; }

    /// <summary>The language to recognise and reply in (not in the SDK); else the activity's locale.</summary>
    public string? Locale { get; set; }
}
