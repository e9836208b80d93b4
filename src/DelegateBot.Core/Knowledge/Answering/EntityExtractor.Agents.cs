using System.Text.RegularExpressions;

namespace DelegateBot.Core.Knowledge.Answering;

/// <summary>
/// Who does what, as documents write it: the agent of a passive verb ("assisted by other members of the Troika",
/// "under the chairmanship of the Philippines") and an organisation named with the role it holds ("UNHCR (... as
/// current Chair of the GMG)", "in its role as current GMG chair, UNHCR", "Sri Lanka, as current Chair of ...").
/// </summary>
internal static partial class EntityExtractor
{
    private static void AddAgents(string text, List<Entity> found)
    {
        foreach (Match m in PassiveBy().Matches(text))
            AddAgent(text, m.Index + m.Length, m.Groups["verb"].Value.ToLowerInvariant(), found);
        foreach (Match m in UnderTheLeadOf().Matches(text))
            AddAgent(text, m.Index + m.Length, NominalVerbs[m.Groups["nom"].Value.ToLowerInvariant()], found);
    }

    /// <summary>The noun phrase from <paramref name="start"/>: up to a clause's end, a relative word or a participle.</summary>
    private static void AddAgent(string text, int start, string verb, List<Entity> found)
    {
        var words = AgentWord().Matches(text, start);
        var end = start;
        var count = 0;
        var capitalised = false;
        var previous = "";
        foreach (Match w in words)
        {
            if (w.Index != end && text.AsSpan(end, w.Index - end).Trim().Length > 0) break; // only spaces between words
            var word = w.Groups["w"].Value;
            var lower = word.ToLowerInvariant();
            if (count == 0 && (MeansWords.Contains(lower) || char.IsDigit(word[0]))) return;
            if (count > 0 && AgentStops.Contains(lower)) break;
            // "a technical secretariat hosted by ...", "a support structure comprising ...": a participle starts another clause
            // (but "an international steering committee", "the rotating chair" are one noun phrase: after a determiner, an adjective).
            if (count > 0 && char.IsLower(word[0]) && !IngNouns.Contains(lower) && !Determiners.Contains(previous)
                && (lower.EndsWith("ing", StringComparison.Ordinal) || (lower.EndsWith("ed", StringComparison.Ordinal) && lower.Length > 4))) break;
            if (count > 0 && lower is "and" && AuxiliaryAfter().IsMatch(text, w.Index + w.Length)) break;
            capitalised |= char.IsUpper(word[0]) && !Determiners.Contains(lower);
            previous = lower;
            end = w.Index + w.Length;
            count++;
            // A comma, a full stop, a bracket: the phrase is over ("Mr." is no full stop).
            if ((w.Groups["p"].Success && !(w.Groups["p"].Value == "." && Abbreviations.Contains(word))) || count == 12) break;
        }
        var span = Names.TrimConnectors(text[start..end]);
        if (span.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) span = span[4..];
        if (span.Length < 2 || Determiners.Contains(span.ToLowerInvariant())) return;
        var at = text.IndexOf(span, start, StringComparison.Ordinal);
        if (at < 0) return;
        found.RemoveAll(e => e.Kind == EntityKind.Agent && e.Start == at && e.Role is null);
        found.Add(new Entity(EntityKind.Agent, span, at, at + span.Length, capitalised ? 0.95 : 0.75, verb));
    }

    /// <summary>An organisation or country named with the role it holds: the role tells "who chairs X" it is the answer.</summary>
    private static void AddRoleHolders(string text, List<Entity> found)
    {
        foreach (var regex in new[] { OrganisationAsRole(), RoleThenOrganisation() })
            foreach (Match m in regex.Matches(text))
            {
                var org = m.Groups["org"];
                var name = org.Value.StartsWith("the ", StringComparison.Ordinal) ? org.Value[4..] : org.Value;
                var at = org.Index + org.Length - name.Length;
                if (name.Length < 2 || Gazetteer.IsMonthOrDay(name) || Determiners.Contains(name.ToLowerInvariant())) continue;
                found.RemoveAll(e => e.Kind is EntityKind.Organisation or EntityKind.Agent && e.Role is null && e.Start >= at && e.End <= at + name.Length);
                found.Add(new Entity(EntityKind.Organisation, name, at, at + name.Length, 0.9, m.Groups["role"].Value.Trim()));
            }
    }

    private static readonly Dictionary<string, string> NominalVerbs = new(StringComparer.Ordinal)
    {
        ["chairmanship"] = "chaired", ["chairpersonship"] = "chaired", ["chairship"] = "chaired", ["co-chairmanship"] = "chaired",
        ["presidency"] = "presided", ["leadership"] = "led", ["coordination"] = "coordinated", ["auspices"] = "sponsored",
        ["patronage"] = "sponsored", ["sponsorship"] = "sponsored", ["guidance"] = "guided",
    };

    /// <summary>"by e-mail", "by telefax", "by a two-thirds majority": how, not who.</summary>
    private static readonly HashSet<string> MeansWords = new(StringComparer.Ordinal)
    {
        "e-mail", "email", "telefax", "fax", "telephone", "phone", "post", "mail", "courier", "hand", "majority", "vote", "consensus",
        "means", "way", "virtue", "reason", "law", "decree", "default", "far", "air", "sea", "land", "road", "rail", "then", "now",
        "end", "time", "date", "deadline", "noon", "midnight", "which", "whom", "itself", "themselves", "one", "two", "three", "mid",
    };

    private static readonly HashSet<string> AgentStops = new(StringComparer.Ordinal)
    {
        "which", "who", "whom", "whose", "that", "where", "while", "whereas", "as", "to", "in", "at", "on", "from", "with", "through",
        "during", "under", "since", "until", "between", "within", "into", "upon", "via", "by", "is", "are", "was", "were", "will",
        "has", "have", "had", "shall", "would", "can", "could", "may", "must", "should", "but", "or", "if", "when", "after", "before",
        "including", "such", "than", "so", "not",
    };

    /// <summary>Words in -ing that name or qualify things: "steering committee", "working group", "receiving countries".</summary>
    private static readonly HashSet<string> IngNouns = new(StringComparer.Ordinal)
    {
        "steering", "training", "planning", "funding", "working", "drafting", "housing", "banking", "building", "meeting", "hearing",
        "consulting", "monitoring", "reporting", "receiving", "sending", "developing", "leading", "organizing", "organising",
        "coordinating", "founding", "governing", "standing", "advising", "learning", "networking", "financing", "programming",
        "united", "related", "advanced", "concerned", "interested", "developed", "limited", "qualified", "skilled", "accredited",
    };

    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal) { "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Hon", "Amb" };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "the", "a", "an", "other", "its", "their", "his", "her", "this", "that", "these", "those", "all", "each", "some" };

    /// <summary>A passive verb and its "by": "organized by", "financially supported by", "assisted by".</summary>
    [GeneratedRegex(@"\b(?<verb>[a-z]+(?:ed|en)|led|held|run|made|paid|won|sent|met)\s+(?:(?:jointly|mainly|largely|partly|partially|directly|also|financially|generously|primarily|kindly|currently|both|solely|entirely|principally)\s+)?by\s+(?=\S)")]
    private static partial Regex PassiveBy();

    [GeneratedRegex(@"\bunder\s+the\s+(?<nom>chairmanship|co-chairmanship|chairpersonship|chairship|presidency|leadership|coordination|auspices|patronage|sponsorship|guidance)\s+of\s+", RegexOptions.IgnoreCase)]
    private static partial Regex UnderTheLeadOf();

    /// <summary>A word with what follows it: a closing punctuation mark ends the phrase.</summary>
    [GeneratedRegex(@"(?<w>(?:[A-Z]\.){2,}|[\p{L}\p{N}&][\p{L}\p{N}'’&.-]*?)(?<p>[,;:()]|\.(?=\s|$)|$)?(?=\s|$|[,;:()])")]
    private static partial Regex AgentWord();

    [GeneratedRegex(@"\G\s+(?:will|is|are|was|were|has|have|had|shall|would|can|could|may|must|should)\b")]
    private static partial Regex AuxiliaryAfter();

    private const string Org = @"(?:the\s+)?(?:[A-Z][\p{L}'’.-]*|[A-Z]{2,})(?:\s+(?:(?:of|for|and|the|on|de)\s+)*(?:[A-Z][\p{L}'’.-]*|[A-Z]{2,}))*";
    private const string RoleNoun = @"(?:[\w-]+\s+){0,3}?(?:[Cc]hair(?:man|person|woman)?|[Cc]o-[Cc]hair|[Vv]ice-[Cc]hair|[Pp]resident|[Pp]residency|[Hh]ost|[Cc]oordinator|[Ss]ecretariat|[Rr]apporteur|[Ff]ocal [Pp]oint)";

    /// <summary>"UNHCR (both in its individual capacity and as current Chair of the GMG)", "Sri Lanka, as current Chair of the
    /// Migrant Health Network", "the Ministry of Public Health of Thailand, in its role as current Chair of the ...".</summary>
    [GeneratedRegex(@"(?<org>" + Org + @")(?:\s*\([^()]*?\bas|,?\s+(?:as|in\s+(?:its|their)\s+(?:role|capacity)\s+as))\s+(?:the\s+)?(?:current\s+|incoming\s+|outgoing\s+|new\s+)?(?<role>" + RoleNoun + @"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][^,;.()]*)?)")]
    private static partial Regex OrganisationAsRole();

    /// <summary>"in its role as current GMG chair, UNHCR recently compiled ...".</summary>
    [GeneratedRegex(@"\b[Ii]n\s+(?:its|their)\s+(?:role|capacity)\s+as\s+(?:the\s+)?(?:current\s+|incoming\s+|new\s+)?(?<role>" + RoleNoun + @"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][^,;.()]*)?),\s+(?<org>" + Org + @")")]
    private static partial Regex RoleThenOrganisation();
}
