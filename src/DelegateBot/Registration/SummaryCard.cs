using System.Text.Json.Nodes;
using DelegateBot.Bot;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.Registration;

/// <summary>
/// The registration summary: an Adaptive Card (facts, Confirm and Change buttons) on channels that render
/// cards, a plain list elsewhere. Buttons post "confirm"/"change" as text (imBack in Teams, value.text in
/// Web Chat), so both paths reach the same reply parser.
/// </summary>
internal static class SummaryCard
{
    public static Activity Build(string heading, IReadOnlyList<(string Label, string Value)> facts, string prompt, string confirm, string change, string? channelId)
    {
        var activity = Activity.CreateMessageActivity();
        activity.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack(confirm), CardAction.ImBack(change)] };
        var list = string.Join('\n', facts.Select(f => $"- {f.Label}: {f.Value}"));
        if (!AnswerCard.RendersCards(channelId))
        {
            activity.Text = $"{heading}\n\n{list}\n\n{prompt}";
            activity.TextFormat = "markdown";
            return activity;
        }
        activity.Text = prompt;
        activity.Summary = heading;
        activity.Attachments =
        [
            new Attachment
            {
                ContentType = AnswerCard.AdaptiveCardContentType,
                Content = new JsonObject
                {
                    ["type"] = "AdaptiveCard",
                    ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                    ["version"] = "1.4",
                    ["fallbackText"] = $"{heading}\n\n{list}",
                    ["body"] = new JsonArray
                    {
                        new JsonObject { ["type"] = "TextBlock", ["text"] = heading, ["wrap"] = true, ["weight"] = "Bolder" },
                        new JsonObject
                        {
                            ["type"] = "FactSet",
                            ["facts"] = new JsonArray(facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Label, ["value"] = f.Value }).ToArray()),
                        },
                    },
                    ["actions"] = new JsonArray { Submit(confirm, "confirm"), Submit(change, "change") },
                },
            },
        ];
        return activity;
    }

    private static JsonObject Submit(string title, string text) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JsonObject { ["text"] = text, ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = text } },
    };
}
