using System.Text;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.BotFramework.Dialogs.Choices;

/// <summary>Renders choices into a message: inline, as a numbered list, or as buttons (SDK: ChoiceFactory).</summary>
public static class ChoiceFactory
{
    /// <summary>Beyond this many choices, buttons would clutter the chat: the numbered text is enough.</summary>
    public const int MaxSuggestedActions = 10;

    /// <summary>Short choices fit on one line; longer ones get a list.</summary>
    private const int MaxInlineLength = 70;

    /// <summary>"Which one? (1) A, (2) B, or (3) C"</summary>
    public static Activity Inline(IReadOnlyList<Choice> choices, string? text = null, ChoiceFactoryOptions? options = null)
        => Activity.CreateMessageActivity(Join(text, InlineText(choices, options ?? new ChoiceFactoryOptions()), " "));

    /// <summary>The text, then one numbered choice per line.</summary>
    public static Activity List(IReadOnlyList<Choice> choices, string? text = null, ChoiceFactoryOptions? options = null)
        => Activity.CreateMessageActivity(Join(text, ListText(choices, options ?? new ChoiceFactoryOptions()), "\n\n"));

    /// <summary>The text with one imBack button per choice.</summary>
    public static Activity SuggestedAction(IReadOnlyList<Choice> choices, string? text = null)
    {
        var activity = Activity.CreateMessageActivity(text);
        activity.SuggestedActions = new SuggestedActions { Actions = choices.Select(ToAction).ToList() };
        return activity;
    }

    /// <summary>
    /// Appends the choices to a prompt in the given style. The prompt's other fields (attachments,
    /// speak, input hint) are kept.
    /// </summary>
    public static Activity ForStyle(ListStyle style, IReadOnlyList<Choice> choices, Activity? prompt, ChoiceFactoryOptions? options = null)
    {
        options ??= new ChoiceFactoryOptions();
        var activity = prompt is null ? Activity.CreateMessageActivity() : CloneActivity(prompt);
        var text = activity.Text;
        switch (style)
        {
            case ListStyle.None:
                break;
            case ListStyle.Inline:
                activity.Text = Join(text, InlineText(choices, options), " ");
                break;
            case ListStyle.List:
                activity.Text = Join(text, ListText(choices, options), "\n\n");
                break;
            case ListStyle.SuggestedAction:
                activity.SuggestedActions = new SuggestedActions { Actions = choices.Select(ToAction).ToList() };
                break;
            default:
                var inline = InlineText(choices, options);
                activity.Text = inline.Length <= MaxInlineLength ? Join(text, inline, " ") : Join(text, ListText(choices, options), "\n\n");
                if (choices.Count <= MaxSuggestedActions)
                    activity.SuggestedActions = new SuggestedActions { Actions = choices.Select(ToAction).ToList() };
                break;
        }
        return activity;
    }

    public static string InlineText(IReadOnlyList<Choice> choices, ChoiceFactoryOptions options)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < choices.Count; i++)
        {
            if (i > 0) sb.Append(i < choices.Count - 1 ? options.InlineSeparator : choices.Count == 2 ? options.InlineOr : options.InlineOrMore);
            if (options.IncludeNumbers) sb.Append('(').Append(i + 1).Append(") ");
            sb.Append(Title(choices[i]));
        }
        return sb.ToString();
    }

    public static string ListText(IReadOnlyList<Choice> choices, ChoiceFactoryOptions options)
        => string.Join('\n', choices.Select((c, i) => options.IncludeNumbers ? $"{i + 1}. {Title(c)}" : $"- {Title(c)}"));

    /// <summary>A deep copy, so rendering never changes the options a prompt persisted.</summary>
    public static Activity CloneActivity(Activity activity)
        => System.Text.Json.JsonSerializer.Deserialize<Activity>(System.Text.Json.JsonSerializer.Serialize(activity, BotJson.Options), BotJson.Options)!;

    private static string Title(Choice choice) => choice.Action?.Title ?? choice.Value;

    private static CardAction ToAction(Choice choice) => choice.Action ?? CardAction.ImBack(choice.Value);

    private static string Join(string? text, string addition, string separator)
        => string.IsNullOrEmpty(text) ? addition : text + separator + addition;
}
