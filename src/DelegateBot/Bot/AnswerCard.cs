using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Schema;
using DelegateBot.Core.Knowledge;
using DelegateBot.Core.Localization;

namespace DelegateBot.Bot;

/// <summary>Turns an <see cref="Answer"/> into what a channel shows: an Adaptive Card where cards render, plain text elsewhere.</summary>
public static class AnswerCard
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Channels known to render Adaptive Cards 1.4.</summary>
    private static readonly HashSet<string> CardChannels = new(StringComparer.OrdinalIgnoreCase) { "msteams", "webchat", "directline", "emulator" };

    public static bool RendersCards(string? channelId) => channelId != null && CardChannels.Contains(channelId);

    /// <summary>"Source: {title}, {location}" for the first citation, or null when the answer has none.</summary>
    public static string? SourceLine(Answer answer, Localizer? t = null) =>
        answer.Citations.Count == 0 ? null
            : (t ?? Localizer.EnglishDefault).Get("answer.source", ("document", answer.Citations[0].Document), ("location", answer.Citations[0].Location));

    /// <summary>The reply message in the user's language: card + fallback text on card channels, text with the source line elsewhere.</summary>
    public static Activity BuildReply(Answer answer, string? channelId, Localizer? t = null)
    {
        t ??= Localizer.EnglishDefault;
        var reply = Activity.CreateMessageActivity();
        var source = SourceLine(answer, t);
        // The refusal is the bot's own sentence, said in the user's language; an answer's text is the engine's.
        var text = answer.Found ? answer.Text
            : answer.Suggestions.Count > 0 ? $"{t.Get("answer.notFound")} {t.Get("answer.closestTopics")}" : t.Get("answer.notFound");
        var plain = source is null ? text : $"{text}\n\n{source}";
        if (answer.Found && RendersCards(channelId))
        {
            reply.Attachments = [new Attachment { ContentType = AdaptiveCardContentType, Content = BuildCard(answer, plain, t) }];
            // Read by notifications and screen readers; the card itself carries the answer.
            reply.Summary = answer.Text;
        }
        else
        {
            reply.Text = plain;
            reply.TextFormat = "plain";
        }
        if (!answer.Found && answer.Suggestions.Count > 0)
            reply.SuggestedActions = new SuggestedActions { Actions = answer.Suggestions.Take(5).Select(s => CardAction.ImBack(s)).ToList() };
        return reply;
    }

    private static JsonObject BuildCard(Answer answer, string fallback, Localizer t)
    {
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = answer.Text, ["wrap"] = true, ["weight"] = "Bolder", ["size"] = "Medium" },
        };
        if (answer.Citations.Count > 0)
        {
            var citation = answer.Citations[0];
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = SourceLine(answer, t), ["wrap"] = true, ["isSubtle"] = true, ["size"] = "Small", ["spacing"] = "Small" });
            if (!string.IsNullOrWhiteSpace(citation.Excerpt))
            {
                body.Add(new JsonObject
                {
                    ["type"] = "Container", ["style"] = "emphasis", ["spacing"] = "Medium",
                    ["items"] = new JsonArray { new JsonObject { ["type"] = "TextBlock", ["text"] = citation.Excerpt, ["wrap"] = true, ["size"] = "Small" } },
                });
            }
        }
        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.4",
            ["fallbackText"] = fallback,
            ["body"] = body,
        };
    }
}
