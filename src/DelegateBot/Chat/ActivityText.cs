using System.Text.Json;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.Chat;

/// <summary>A button the person can pick by number: what picking it sends (text and/or value), or a link to show.</summary>
public sealed record ChatChoice(string Title, string? Text, JsonElement? Value, string? Url = null);

/// <summary>What a bot's activity looks like in a terminal: lines of text, and the buttons it offered.</summary>
public sealed record RenderedActivity(IReadOnlyList<string> Lines, IReadOnlyList<ChatChoice> Choices);

/// <summary>
/// Renders a bot's message as plain text: its text, then each card (Adaptive Card: text blocks, fact sets,
/// containers and columns, images by their alt text, inputs named; hero and thumbnail cards: title, subtitle,
/// text), then the buttons of the cards and the suggested actions, which become numbered choices. What a button
/// sends mirrors Web Chat: imBack sends its value as text, Action.Submit sends its data as the message's value.
/// </summary>
public static class ActivityText
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    private static readonly HashSet<string> HeroCards = ["application/vnd.microsoft.card.hero", "application/vnd.microsoft.card.thumbnail"];

    public static RenderedActivity Render(Activity activity)
    {
        var lines = new List<string>();
        var choices = new List<ChatChoice>();
        if (!string.IsNullOrWhiteSpace(activity.Text)) lines.AddRange(SplitLines(activity.Text));
        foreach (var attachment in activity.Attachments ?? [])
        {
            var content = attachment.Content is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(attachment.Content, BotJson.Options);
            if (attachment.ContentType == AdaptiveCard && content is { ValueKind: JsonValueKind.Object } card)
            {
                RenderElements(card, "body", lines, choices, "");
                AddActions(card, choices);
            }
            else if (HeroCards.Contains(attachment.ContentType ?? "") && content is { ValueKind: JsonValueKind.Object } hero)
            {
                foreach (var field in new[] { "title", "subtitle", "text" })
                    if (String(hero, field) is { } value) lines.AddRange(SplitLines(value));
                if (hero.TryGetProperty("buttons", out var buttons) && buttons.ValueKind == JsonValueKind.Array)
                    choices.AddRange(buttons.EnumerateArray().Select(CardActionChoice).OfType<ChatChoice>());
            }
            else
            {
                lines.Add($"[attachment: {attachment.Name ?? attachment.ContentType}{(attachment.ContentUrl is { } url ? " " + url : "")}]");
            }
        }
        foreach (var action in activity.SuggestedActions?.Actions ?? [])
        {
            var element = JsonSerializer.SerializeToElement(action, BotJson.Options);
            if (CardActionChoice(element) is { } choice) choices.Add(choice);
        }
        return new RenderedActivity(lines, choices);
    }

    private static IEnumerable<string> SplitLines(string text) => text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd());

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString() : null;

    /// <summary>The elements of an Adaptive Card array property (body, items, columns), depth-first.</summary>
    private static void RenderElements(JsonElement parent, string property, List<string> lines, List<ChatChoice> choices, string indent)
    {
        if (!parent.TryGetProperty(property, out var elements) || elements.ValueKind != JsonValueKind.Array) return;
        foreach (var element in elements.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object) continue;
            switch (String(element, "type"))
            {
                case "TextBlock":
                    if (String(element, "text") is { } text) lines.AddRange(SplitLines(text).Select(l => indent + l));
                    break;
                case "RichTextBlock":
                    if (element.TryGetProperty("inlines", out var inlines) && inlines.ValueKind == JsonValueKind.Array)
                        lines.Add(indent + string.Concat(inlines.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString() : String(i, "text"))));
                    break;
                case "FactSet":
                    if (element.TryGetProperty("facts", out var facts) && facts.ValueKind == JsonValueKind.Array)
                        lines.AddRange(facts.EnumerateArray().Select(f => $"{indent}{String(f, "title")}: {String(f, "value")}"));
                    break;
                case "Image":
                    lines.Add($"{indent}[image{(String(element, "altText") is { } alt ? ": " + alt : "")}]");
                    break;
                case "Container":
                    // An emphasised container holds a quotation (the answer's excerpt): set it off.
                    RenderElements(element, "items", lines, choices, String(element, "style") == "emphasis" ? indent + "> " : indent);
                    break;
                case "ColumnSet":
                    if (element.TryGetProperty("columns", out var columns) && columns.ValueKind == JsonValueKind.Array)
                        foreach (var column in columns.EnumerateArray()) RenderElements(column, "items", lines, choices, indent);
                    break;
                case "ActionSet":
                    AddActions(element, choices);
                    break;
                case { } type when type.StartsWith("Input.", StringComparison.Ordinal):
                    lines.Add($"{indent}[{String(element, "label") ?? String(element, "placeholder") ?? String(element, "id") ?? "input"}: answer by typing]");
                    break;
            }
        }
    }

    private static void AddActions(JsonElement card, List<ChatChoice> choices)
    {
        if (!card.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array) return;
        foreach (var action in actions.EnumerateArray())
        {
            var title = String(action, "title") ?? "";
            switch (String(action, "type"))
            {
                case "Action.Submit" or "Action.Execute":
                    // Web Chat's behaviour: string data is typed text, anything else travels as the message's value.
                    choices.Add(action.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.String
                        ? new ChatChoice(title, data.GetString(), null)
                        : new ChatChoice(title, null, action.TryGetProperty("data", out var d) ? d.Clone() : null));
                    break;
                case "Action.OpenUrl":
                    choices.Add(new ChatChoice(title, null, null, String(action, "url")));
                    break;
            }
        }
    }

    /// <summary>A Bot Framework CardAction (suggested actions, hero card buttons).</summary>
    private static ChatChoice? CardActionChoice(JsonElement action)
    {
        var title = String(action, "title") ?? String(action, "text") ?? "";
        var value = action.TryGetProperty("value", out var v) ? v.Clone() : (JsonElement?)null;
        var valueText = value is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;
        return String(action, "type") switch
        {
            "imBack" => new ChatChoice(title, valueText ?? title, null),
            "postBack" => valueText != null ? new ChatChoice(title, valueText, null) : new ChatChoice(title, null, value),
            "messageBack" => new ChatChoice(title, String(action, "text") ?? String(action, "displayText"), value),
            "openUrl" or "downloadFile" or "playAudio" or "playVideo" or "showImage" => new ChatChoice(title, null, null, valueText),
            _ => null,
        };
    }
}
