using System.Globalization;
using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Schema;
using DelegateBot.Core.Localization;
using Microsoft.Extensions.Options;

namespace DelegateBot.Localization;

/// <summary>
/// Chooses the language of each turn's replies, once, before anything answers: the activity's <c>locale</c> when the
/// channel sends one in a language we have texts for (Teams and Web Chat do), else the language the message is
/// written in, else the conversation's last language, else the default (English). The choice is put on the turn
/// (<see cref="TurnLanguageExtensions.GetLocalizer"/>) and, when the channel sent no locale, written into the
/// activity's locale, so that code reading <c>Activity.Locale</c> (prompts, registration, the conversation
/// reference kept for pushes) follows the user too.
/// </summary>
public sealed class TurnLanguage(IBotText text, LanguageDetector detector, ConversationState conversationState,
    IOptions<LocalizationOptions> options, ILogger<TurnLanguage> logger)
{
    /// <summary>The turn-state key of the turn's <see cref="Localizer"/>.</summary>
    public const string TurnStateKey = "DelegateBot.Localizer";

    private readonly IStatePropertyAccessor<string> _last = conversationState.CreateProperty<string>("replyLanguage");

    public async Task<Localizer> ResolveAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var sentLocale = !string.IsNullOrWhiteSpace(activity.Locale);
        var culture = text.Match(activity.Locale);
        var source = "locale";
        if (culture is null && activity.Type == ActivityTypes.Message && detector.Detect(activity.Text) is { } detected)
            (culture, source) = (text.Match(detected), "message");
        // A conversation that is not addressable has no state to remember a language in.
        var hasConversation = activity.Conversation?.Id is { Length: > 0 } && !string.IsNullOrEmpty(activity.ChannelId);
        if (culture is null && hasConversation && await _last.GetAsync(turnContext, () => "", cancellationToken) is { Length: > 0 } last)
            (culture, source) = (text.Match(last), "conversation");
        if (culture is null)
            (culture, source) = (text.Match(options.Value.DefaultLanguage) ?? CultureInfo.GetCultureInfo("en-GB"), "default");

        if (hasConversation && activity.Type == ActivityTypes.Message)
            await _last.SetAsync(turnContext, culture.Name, cancellationToken);
        if (!sentLocale) activity.Locale = culture.Name;
        logger.LogDebug("Replying in {Culture} (from the {Source})", culture.Name, source);

        var localizer = new Localizer(text, culture);
        turnContext.TurnState.Set(TurnStateKey, localizer);
        return localizer;
    }
}

/// <summary>Where the rest of a turn finds the language chosen for it.</summary>
public static class TurnLanguageExtensions
{
    /// <summary>The turn's texts in the user's language (English if the turn went around <see cref="TurnLanguage"/>).</summary>
    public static Localizer GetLocalizer(this ITurnContext turnContext) =>
        turnContext.TurnState.Get<Localizer>(TurnLanguage.TurnStateKey) ?? Localizer.EnglishDefault;

    /// <summary>The culture of the turn's replies ("fr-FR", "en-US"): for dates, numbers, the answer's language.</summary>
    public static CultureInfo GetReplyCulture(this ITurnContext turnContext) => turnContext.GetLocalizer().Culture;
}
