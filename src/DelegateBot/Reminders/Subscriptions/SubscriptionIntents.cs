using System.Text.RegularExpressions;
using DelegateBot.Core.Recognizers;

namespace DelegateBot.Reminders.Subscriptions;

public enum SubscriptionIntentKind
{
    None,
    /// <summary>"stop reminders", "unsubscribe", "arrête les rappels".</summary>
    Stop,
    /// <summary>"start reminders", "subscribe", "reprendre les rappels".</summary>
    Start,
    /// <summary>"only my sessions", "seulement mes sessions".</summary>
    MySessions,
    /// <summary>"all sessions", "toutes les sessions".</summary>
    AllSessions,
    /// <summary>"mute the seminar", "sourdine pour le séminaire"; <see cref="SubscriptionIntent.Rest"/> names the meeting.</summary>
    Mute,
    /// <summary>"unmute the seminar", "réactiver le séminaire".</summary>
    Unmute,
    /// <summary>"my reminders", "reminder settings", "mes rappels".</summary>
    Settings,
}

public sealed record SubscriptionIntent(SubscriptionIntentKind Kind, RecognizerLanguage Language, string Rest = "");

/// <summary>
/// The reminder commands, English and French. Each phrase must be the whole message (give or take "please"), so a
/// question such as "when do the reminders start?" stays a question for the documents.
/// </summary>
public static partial class SubscriptionIntents
{
    private const string Things = @"(?:the |my |all |les |mes |tous les |toutes les )?(?:reminders?|notifications?|alerts?|push(?:es)?|messages?|rappels?|alertes?)";

    [GeneratedRegex(@"^(?:(?:stop|end|pause|disable|turn off|switch off|no more|mute all)\s+" + Things + @"|" + Things + @"\s+off|unsubscribe(?: me)?|opt out)$", RegexOptions.CultureInvariant)]
    private static partial Regex StopEnglish();

    [GeneratedRegex(@"^(?:(?:arrete[rz]?|arretez|stoppe[rz]?|stop|desactive[rz]?|suspend(?:re|s|ez)?|coupe[rz]?|plus de)\s+" + Things + @"|(?:me )?desabonne[rz]?(?:[ -]moi)?|se desabonner|je me desabonne)$", RegexOptions.CultureInvariant)]
    private static partial Regex StopFrench();

    [GeneratedRegex(@"^(?:(?:start|resume|restart|enable|turn on|switch on|send me)\s+" + Things + @"(?: again)?|" + Things + @"\s+on|subscribe(?: me)?|opt in)$", RegexOptions.CultureInvariant)]
    private static partial Regex StartEnglish();

    [GeneratedRegex(@"^(?:(?:reprend(?:re|s|z)|reactive[rz]?|active[rz]?|demarre[rz]?|relance[rz]?|remets?|remettre)\s+" + Things + @"|(?:m'|me )?abonne[rz]?(?:[ -]moi)?|s'abonner|je m'abonne)$", RegexOptions.CultureInvariant)]
    private static partial Regex StartFrench();

    [GeneratedRegex(@"^(?:(?:only|just) (?:for )?my (?:own )?(?:sessions|meetings)(?: only)?|my (?:sessions|meetings) only|(?:reminders )?(?:only )?for (?:the )?(?:sessions|meetings) i(?:'m| am)? registered (?:for|to)|(?:reminders )?(?:only )?for my (?:sessions|meetings)(?: only)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex MineEnglish();

    [GeneratedRegex(@"^(?:(?:seulement|uniquement|juste) (?:pour )?mes (?:sessions|reunions|seances)|mes (?:sessions|reunions|seances) (?:seulement|uniquement)|(?:rappels )?(?:seulement |uniquement )?pour mes (?:sessions|reunions|seances))$", RegexOptions.CultureInvariant)]
    private static partial Regex MineFrench();

    [GeneratedRegex(@"^(?:(?:reminders |remind me )?(?:for )?(?:all|every) (?:the )?(?:sessions?|meetings?)|all of them)$", RegexOptions.CultureInvariant)]
    private static partial Regex AllEnglish();

    [GeneratedRegex(@"^(?:(?:rappels )?(?:pour )?(?:toutes les sessions|toutes les seances|toutes les reunions|chaque session))$", RegexOptions.CultureInvariant)]
    private static partial Regex AllFrench();

    [GeneratedRegex(@"^(?:unmute|un-mute)\s+(?<rest>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex UnmuteEnglish();

    [GeneratedRegex(@"^(?:retire[rz]? la sourdine (?:de |pour |sur )?|reactive[rz]? (?:les rappels (?:de |du |pour )?)?|plus de sourdine (?:pour |sur )?)(?<rest>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex UnmuteFrench();

    [GeneratedRegex(@"^(?:mute|silence)\s+(?<rest>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex MuteEnglish();

    [GeneratedRegex(@"^(?:mets? en sourdine|mettre en sourdine|sourdine (?:pour |sur )?|coupe[rz]? les rappels (?:de |du |pour )?)(?<rest>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex MuteFrench();

    [GeneratedRegex(@"^(?:(?:my |show my |show )?(?:reminders?|reminder|notification) (?:settings|status|preferences|options)|my reminders|what reminders do i get)$", RegexOptions.CultureInvariant)]
    private static partial Regex SettingsEnglish();

    [GeneratedRegex(@"^(?:mes rappels|(?:parametres|reglages|statut|preferences) (?:des|de mes) rappels)$", RegexOptions.CultureInvariant)]
    private static partial Regex SettingsFrench();

    [GeneratedRegex(@"^(?:please|pls|svp|s'il (?:te|vous) plait|merci de|can you|could you)\s+|\s+(?:please|pls|svp|s'il (?:te|vous) plait|thanks|thank you|merci)$|[.!?]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Politeness();

    public static SubscriptionIntent Recognize(string? text)
    {
        var folded = Clean(text);
        if (folded.Length == 0) return new SubscriptionIntent(SubscriptionIntentKind.None, RecognizerLanguage.English);
        // The general phrases first: "réactiver les rappels" is "start", not "unmute les rappels".
        (Regex Pattern, SubscriptionIntentKind Kind, RecognizerLanguage Language)[] table =
        [
            (StopEnglish(), SubscriptionIntentKind.Stop, RecognizerLanguage.English), (StopFrench(), SubscriptionIntentKind.Stop, RecognizerLanguage.French),
            (StartEnglish(), SubscriptionIntentKind.Start, RecognizerLanguage.English), (StartFrench(), SubscriptionIntentKind.Start, RecognizerLanguage.French),
            (MineEnglish(), SubscriptionIntentKind.MySessions, RecognizerLanguage.English), (MineFrench(), SubscriptionIntentKind.MySessions, RecognizerLanguage.French),
            (AllEnglish(), SubscriptionIntentKind.AllSessions, RecognizerLanguage.English), (AllFrench(), SubscriptionIntentKind.AllSessions, RecognizerLanguage.French),
            (SettingsEnglish(), SubscriptionIntentKind.Settings, RecognizerLanguage.English), (SettingsFrench(), SubscriptionIntentKind.Settings, RecognizerLanguage.French),
            (UnmuteEnglish(), SubscriptionIntentKind.Unmute, RecognizerLanguage.English), (UnmuteFrench(), SubscriptionIntentKind.Unmute, RecognizerLanguage.French),
            (MuteEnglish(), SubscriptionIntentKind.Mute, RecognizerLanguage.English), (MuteFrench(), SubscriptionIntentKind.Mute, RecognizerLanguage.French),
        ];
        foreach (var (pattern, kind, language) in table)
        {
            var m = pattern.Match(folded);
            if (m.Success) return new SubscriptionIntent(kind, language, m.Groups["rest"].Success ? m.Groups["rest"].Value.Trim() : "");
        }
        return new SubscriptionIntent(SubscriptionIntentKind.None, RecognizerLanguage.English);
    }

    private static string Clean(string? text)
    {
        var folded = TextFolding.Fold(text);
        string before;
        do
        {
            before = folded;
            folded = Politeness().Replace(folded, "").Trim().TrimEnd(',');
        } while (folded != before);
        return folded;
    }
}
