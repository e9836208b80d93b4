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
            AdaptiveCard.Attachment($"{heading}\n\n{list}",
                new JsonArray
                {
                    new JsonObject { ["type"] = "TextBlock", ["text"] = heading, ["wrap"] = true, ["weight"] = "Bolder" },
                    new JsonObject
                    {
                        ["type"] = "FactSet",
                        ["facts"] = new JsonArray(facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Label, ["value"] = f.Value }).ToArray()),
                    },
                },
                new JsonArray { AdaptiveCard.ImBack(confirm, "confirm"), AdaptiveCard.ImBack(change, "change") }),
        ];
        return activity;
    }
}
