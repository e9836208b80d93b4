using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.Bot;

/// <summary>Adaptive Card 1.4 pieces shared by the bot's cards (registration summary, session push).</summary>
public static class AdaptiveCard
{
    /// <summary>The attachment of a card with <paramref name="body"/>, <paramref name="actions"/> and a text fallback.</summary>
    public static Attachment Attachment(string fallbackText, JsonArray body, JsonArray? actions = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.4",
            ["fallbackText"] = fallbackText,
            ["body"] = body,
        };
        if (actions is not null) card["actions"] = actions;
        return new Attachment { ContentType = AnswerCard.AdaptiveCardContentType, Content = card };
    }

    /// <summary>A button that posts <paramref name="text"/> as the user's message: imBack in Teams, value.text in Web Chat and the Emulator.</summary>
    public static JsonObject ImBack(string title, string text) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JsonObject { ["text"] = text, ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = text } },
    };
}
