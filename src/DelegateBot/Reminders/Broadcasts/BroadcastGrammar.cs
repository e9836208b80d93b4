using System.Globalization;
using System.Text.RegularExpressions;
using DelegateBot.Core.Recognizers;

namespace DelegateBot.Reminders.Broadcasts;

public enum TargetKind
{
    Everyone,
    /// <summary>"registrants of &lt;meeting&gt;", "aux inscrits de &lt;réunion&gt;".</summary>
    Registrants,
    /// <summary>"&lt;session&gt; subscribers", "subscribers of &lt;session&gt;", "aux abonnés de &lt;session&gt;".</summary>
    SessionSubscribers,
}

/// <summary>When, as typed: a clock time with an optional date, a delay, or an ISO 8601 instant.</summary>
public sealed record TimeWords(TimeOnly? Clock = null, string? Date = null, TimeSpan? In = null, string? Iso = null);

/// <summary>A chat broadcast command taken apart; names are resolved against the agenda by the caller.</summary>
public sealed record BroadcastWords(TargetKind Target, string? Name, TimeWords? When, string Text, RecognizerLanguage Language);

/// <summary>What an organiser's message asks of the broadcast feature.</summary>
public abstract record OrganiserCommand
{
    public sealed record Broadcast(BroadcastWords Words) : OrganiserCommand;
    /// <summary>"broadcast ..." whose audience or time could not be read; <paramref name="Problem"/> says what to fix.</summary>
    public sealed record Malformed(string Problem, RecognizerLanguage Language) : OrganiserCommand;
    public sealed record Report(string? Id) : OrganiserCommand;
    public sealed record List : OrganiserCommand;
}

/// <summary>
/// The organisers' chat grammar, kept small:
/// <code>
/// broadcast[ to &lt;audience&gt;][ at &lt;time&gt;]: &lt;text&gt;
///   audience: everyone | registrants of &lt;meeting&gt; | &lt;session&gt; subscribers | subscribers of &lt;session&gt;
///   time:     at 15:00 | at 3pm on 19 May | at 15:00 tomorrow | in 10 minutes | at 2030-01-10T15:00Z
/// diffuser[ à tous | aux inscrits de &lt;réunion&gt; | aux abonnés de &lt;session&gt;][ à 15h le 19 mai | dans 10 minutes] : &lt;texte&gt;
/// delivery report [id]   |   rapport de diffusion [id]   |   list broadcasts   |   liste des diffusions
/// </code>
/// </summary>
public static partial class BroadcastGrammar
{
    [GeneratedRegex(@"^\s*(?<verb>broadcast|announce|announcement|diffuser|diffusion|annonce|annoncer)\b(?<head>(?:[^:\n]|(?<=\d):(?=\d\d))*):\s*(?<text>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Command();

    [GeneratedRegex(@"^\s*(?:delivery report|delivery status|broadcast report|report on broadcast|rapport de diffusion|rapport de livraison|etat de la diffusion)(?:\s+(?:for|of|on|de|du|pour))?(?:\s+(?<id>[\w:.-]*\w))?\s*[?.!]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReportCommand();

    [GeneratedRegex(@"^\s*(?:list (?:the |my )?broadcasts|broadcasts|recent broadcasts|liste des diffusions|diffusions|lister les diffusions)\s*[?.!]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListCommand();

    [GeneratedRegex(@"\s*(?:\b(?:at|a|le|on)\s+)?(?<iso>\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:Z|UTC|[+-]\d{2}:?\d{2}))?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsoAtEnd();

    [GeneratedRegex(@"\s*\b(?:in|dans)\s+(?<n>\d{1,4})\s*(?<unit>minutes?|mins?|m|hours?|hrs?|h|heures?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DelayAtEnd();

    private const string Clock = @"(?<h>\d{1,2})(?:(?:[:.h])(?<m>\d{2}))?\s*(?<ampm>am|pm|a\.m\.|p\.m\.)?|(?<h>\d{1,2})\s*h";

    // The date shapes the DateRecognizer reads: "19 may", "may 19th", "tomorrow", "next monday", "2011-05-19", "19/05".
    private const string DateShape = @"(?<date>today|tomorrow|aujourd'hui|demain|apres-demain|(?:next\s+|this\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:lun|mar|mercre|jeu|vendre|same)di(?:\s+prochain)?|dimanche(?:\s+prochain)?|\d{1,2}(?:st|nd|rd|th|er)?\s+(?:of\s+)?[a-z]+\.?(?:\s+\d{4})?|[a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?)";

    // "on 19 May at 15:00", "le 19 mai à 15h", "tomorrow at 9am".
    [GeneratedRegex(@"\s*\b(?:(?:on|le)\s+)?" + DateShape + @"\s+(?:at|a)\s+(?:" + Clock + @")\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateFirstAtEnd();

    // "at 15:00", "at 3pm on 19 May", "at 15:00 tomorrow", "à 15h le 19 mai".
    [GeneratedRegex(@"\s*\b(?:at|a)\s+(?:" + Clock + @")(?:\s+(?:on\s+|le\s+)?" + DateShape + @")?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClockFirstAtEnd();

    [GeneratedRegex(@"^(?:to\s+|a\s+|aux\s+|pour\s+)?(?:the\s+|les\s+)?(?:registrants|registered(?: people| delegates)?|participants|inscrits|inscrites)\s+(?:of|for|to|at|de|du|des|a|au|aux|pour)\s+(?<name>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RegistrantsOf();

    [GeneratedRegex(@"^(?:to\s+|a\s+|aux\s+|pour\s+)?(?:the\s+)?(?<name>.+?)\s+(?:registrants|participants)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameRegistrants();

    [GeneratedRegex(@"^(?:to\s+|a\s+|aux\s+|pour\s+)?(?:the\s+|les\s+)?(?:subscribers|abonnes|abonnees)\s+(?:of|for|to|de|du|des|a|au|aux|pour)\s+(?<name>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubscribersOf();

    [GeneratedRegex(@"^(?:to\s+|a\s+|aux\s+|pour\s+)?(?:the\s+)?(?<name>.+?)\s+subscribers$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameSubscribers();

    [GeneratedRegex(@"^(?:(?:to|a|pour)\s+)?(?:everyone|everybody|all|all subscribers|all delegates|tous|tout le monde|tous les abonnes)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EveryoneWords();

    /// <summary>Null when the message is none of the organisers' commands.</summary>
    public static OrganiserCommand? Parse(string? message)
    {
        if (string.IsNullOrWhiteSpace(message)) return null;
        if (ListCommand().IsMatch(TextFolding.Fold(message))) return new OrganiserCommand.List();
        if (ReportCommand().Match(TextFolding.Fold(message)) is { Success: true } report)
        {
            if (!report.Groups["id"].Success) return new OrganiserCommand.Report(null);
            // The id as typed (keys are case-sensitive), found among the original words.
            var folded = report.Groups["id"].Value;
            return new OrganiserCommand.Report(message.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.TrimEnd('?', '.', '!'))
                .FirstOrDefault(w => TextFolding.Fold(w) == folded) ?? folded);
        }
        var m = Command().Match(message);
        if (!m.Success) return null;
        var verb = TextFolding.Fold(m.Groups["verb"].Value);
        var head = TextFolding.Fold(m.Groups["head"].Value).Trim();
        var text = m.Groups["text"].Value.Trim();
        var language = verb is "diffuser" or "diffusion" or "annonce" or "annoncer" ? RecognizerLanguage.French : RecognizerLanguage.English;
        if (text.Length == 0)
            return new OrganiserCommand.Malformed(language == RecognizerLanguage.French ? "Le message est vide : écrivez-le après les deux-points." : "The message is empty: write it after the colon.", language);

        var (when, rest) = TakeTime(head);
        var target = ReadTarget(rest);
        if (target is null)
            return new OrganiserCommand.Malformed(language == RecognizerLanguage.French
                ? $"Je ne comprends pas à qui envoyer « {rest} ». Dites par exemple « diffuser : … », « diffuser aux inscrits de <réunion> : … » ou « diffuser aux abonnés de <session> : … »."
                : $"I don't understand who \"{rest}\" is. Say for example \"broadcast: ...\", \"broadcast to registrants of <meeting>: ...\" or \"broadcast to <session> subscribers: ...\".", language);
        return new OrganiserCommand.Broadcast(new BroadcastWords(target.Value.Kind, target.Value.Name, when, text, language));
    }

    /// <summary>The time at the end of the head, if any, and what is left before it.</summary>
    private static (TimeWords? When, string Remainder) TakeTime(string head)
    {
        if (IsoAtEnd().Match(head) is { Success: true } iso)
            return (new TimeWords(Iso: iso.Groups["iso"].Value.Replace(" utc", "Z", StringComparison.Ordinal).Replace("utc", "Z", StringComparison.Ordinal).ToUpperInvariant()), head[..iso.Index].Trim());
        if (DelayAtEnd().Match(head) is { Success: true } delay)
        {
            var n = int.Parse(delay.Groups["n"].Value, CultureInfo.InvariantCulture);
            var unit = delay.Groups["unit"].Value.ToLowerInvariant();
            var span = unit.StartsWith('h') ? TimeSpan.FromHours(n) : TimeSpan.FromMinutes(n);
            return (new TimeWords(In: span), head[..delay.Index].Trim());
        }
        // The date-first form is tried first: "on 19 May at 15:00" also ends with a bare "at 15:00".
        foreach (var pattern in new[] { DateFirstAtEnd(), ClockFirstAtEnd() })
        {
            var m = pattern.Match(head);
            if (!m.Success || ClockOf(m) is not { } clock) continue;
            var date = m.Groups["date"].Success ? m.Groups["date"].Value.Trim() : null;
            return (new TimeWords(Clock: clock, Date: date), head[..m.Index].Trim());
        }
        return (null, head);
    }

    private static TimeOnly? ClockOf(Match m)
    {
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (m.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12) return null;
            var pm = m.Groups["ampm"].Value.StartsWith('p');
            hour = hour % 12 + (pm ? 12 : 0);
        }
        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;
    }

    private static (TargetKind Kind, string? Name)? ReadTarget(string words)
    {
        words = words.Trim();
        if (words.Length == 0 || EveryoneWords().IsMatch(words)) return (TargetKind.Everyone, null);
        foreach (var (pattern, kind) in new[] { (RegistrantsOf(), TargetKind.Registrants), (SubscribersOf(), TargetKind.SessionSubscribers), (NameRegistrants(), TargetKind.Registrants), (NameSubscribers(), TargetKind.SessionSubscribers) })
        {
            if (pattern.Match(words) is { Success: true } m) return (kind, m.Groups["name"].Value.Trim());
        }
        return null;
    }
}
