using System.Text.RegularExpressions;

namespace DelegateBot.Core.Knowledge.Answering;

/// <summary>
/// Finds dates, times, people, organisations, numbers, amounts, quoted titles, rooms, places, countries and
/// languages in a unit of text. Run once per unit when the index is built, so answering only filters.
/// </summary>
internal static partial class EntityExtractor
{
    /// <param name="line">The text is a line of its own (a header, a programme line, a "Label: value" line), not a sentence.</param>
    /// <param name="header">The line is one of a document's or section's header lines (title, date, venue).</param>
    public static Entity[] Extract(string text, bool line = false, bool header = false)
    {
        var found = new List<Entity>();
        AddContacts(text, found);
        AddReferences(text, found);
        foreach (Match m in DatePattern().Matches(text))
            // "Further to my letter of 21 December 2010": the date of an earlier letter, not of this one.
            found.Add(new Entity(EntityKind.Date, m.Value.TrimEnd(',', ' '), m.Index, m.Index + m.Length, DateQuality(m),
                CitedLetter().IsMatch(text.AsSpan(0, m.Index).ToString()) ? "cited" : null));
        // "on the ninetieth day after the date of deposit ...", "one year after the date of receipt ...": when a treaty's
        // clock says something happens.
        foreach (Match m in RelativeDate().Matches(text))
            AddUnlessInside(found, new Entity(EntityKind.Date, m.Value.TrimEnd(',', ' ', '.'), m.Index, m.Index + m.Value.TrimEnd(',', ' ', '.').Length, 0.6, "relative"));
        foreach (Match m in YearPattern().Matches(text))
            AddUnlessInside(found, new Entity(EntityKind.Date, m.Groups[1].Value, m.Groups[1].Index, m.Groups[1].Index + m.Groups[1].Length, 0.3));
        foreach (Match m in TimePattern().Matches(text))
        {
            if (Inside(found, m.Index, m.Length, EntityKind.Phone)) continue;
            var (from, to) = TimeRanges.Parse(m.Value);
            found.Add(new Entity(EntityKind.Time, m.Value.Trim(), m.Index, m.Index + m.Value.TrimEnd().Length, to >= 0 ? 1.0 : 0.8) { From = from, To = to });
        }
        foreach (Match m in DurationPattern().Matches(text))
            found.Add(new Entity(EntityKind.Duration, m.Value.Trim(), m.Index, m.Index + m.Value.TrimEnd().Length, 1.0));
        foreach (Match m in FrequencyPattern().Matches(text))
            found.Add(new Entity(EntityKind.Frequency, m.Value.Trim(), m.Index, m.Index + m.Value.TrimEnd().Length, 1.0));
        foreach (Match m in AmountPattern().Matches(text))
            found.Add(new Entity(EntityKind.Amount, m.Value.Trim(), m.Index, m.Index + m.Length, 1.0));

        foreach (Match m in LabelPattern().Matches(text))
        {
            var g = m.Groups["v"];
            var name = Names.Trim(g.Value);
            if (name.Length > 2 && !name.Contains('@')) found.Add(new Entity(EntityKind.Person, name, g.Index, g.Index + name.Length, 1.0, m.Groups["role"].Value));
        }
        foreach (Match m in SignedPattern().Matches(text))
        {
            var g = m.Groups["v"];
            var name = Names.Trim(g.Value);
            if (name.Length > 2) found.Add(new Entity(EntityKind.Person, name, g.Index, g.Index + name.Length, 1.0, "signed"));
        }
        AddOffices(text, found);
        foreach (Match m in HonorificName().Matches(text))
        {
            if (NamedPlace().IsMatch(m.Value)) continue; // "Sir Seretse Khama International Airport" is a place
            var name = Names.Trim(m.Value);
            if (name.Split(' ').Length >= 2) AddUnlessInside(found, new Entity(EntityKind.Person, name, m.Index, m.Index + name.Length, 0.9));
        }
        foreach (Match m in AgentPattern().Matches(text))
        {
            var g = m.Groups["v"];
            var agent = Names.TrimConnectors(g.Value);
            if (agent.Length > 1 && !Gazetteer.IsMonthOrDay(agent))
                found.Add(new Entity(EntityKind.Agent, agent, g.Index, g.Index + agent.Length, 0.95));
        }
        AddAgents(text, found);
        foreach (Match m in OrganisationPattern().Matches(text))
            AddUnlessInside(found, new Entity(EntityKind.Organisation, Names.TrimConnectors(m.Value), m.Index, m.Index + m.Length, 0.8));
        // In a line of capitals every word looks like an acronym.
        foreach (Match m in Ingestion.DocumentParser.IsAllCaps(text) ? Enumerable.Empty<Match>() : AcronymPattern().Matches(text))
            AddUnlessInside(found, new Entity(EntityKind.Organisation, m.Value, m.Index, m.Index + m.Length, 0.5));

        foreach (Match m in QuotePattern().Matches(text))
        {
            var g = m.Groups[1];
            found.Add(new Entity(EntityKind.Quote, g.Value.Trim(), g.Index, g.Index + g.Length, 1.0));
        }
        AddRoleHolders(text, found);
        AddTitles(text, line, found);
        AddPlaces(text, found);
        if (header) AddVenueLine(text, found);
        foreach (Match m in RoomPattern().Matches(text))
            found.Add(new Entity(EntityKind.Room, m.Value.Trim().TrimEnd(',', '.'), m.Index, m.Index + m.Length, 1.0));
        foreach (Match m in PlacePattern().Matches(text))
        {
            var g = m.Groups["v"];
            var place = Names.TrimConnectors(g.Value);
            if (place.Length > 1 && !Gazetteer.IsMonthOrDay(place.Split(' ')[0]))
                AddUnlessInside(found, new Entity(EntityKind.Place, place, g.Index, g.Index + place.Length, 0.6));
        }
        foreach (Match m in Gazetteer.Countries().Matches(text))
        {
            // "the Government of Belgium" is an actor more than a place.
            var actor = GovernmentOf().IsMatch(text.AsSpan(0, m.Index).ToString());
            found.Add(new Entity(EntityKind.Country, m.Value, m.Index, m.Index + m.Length, actor ? 0.5 : 1.0));
        }
        foreach (Match m in Gazetteer.Languages().Matches(text))
            found.Add(new Entity(EntityKind.Language, m.Value, m.Index, m.Index + m.Length, 1.0));

        foreach (Match m in NumberPattern().Matches(text))
        {
            var g = m.Groups["n"];
            if (found.Any(e => e.Kind is EntityKind.Date or EntityKind.Time or EntityKind.Amount or EntityKind.Phone or EntityKind.Email or EntityKind.Reference or EntityKind.Duration
                               && g.Index < e.End && e.Start < g.Index + g.Length)) continue;
            if (SymbolAround(text, g.Index, g.Length)) continue;
            found.Add(new Entity(EntityKind.Number, m.Value.Trim(), m.Index, m.Index + m.Length, 1.0));
        }
        GiveOfficesToNames(text, line, found);
        return found.ToArray();
    }

    private static bool Inside(List<Entity> found, int index, int length, EntityKind kind) =>
        found.Any(e => e.Kind == kind && index < e.End && e.Start < index + length);

    private static void AddUnlessInside(List<Entity> found, Entity e)
    {
        if (found.Any(x => x.Start <= e.Start && e.End <= x.End && x.Kind != EntityKind.Country)) return;
        found.Add(e);
    }

    /// <summary>Numbers inside document symbols (A/63/269), job numbers or references are not quantities.</summary>
    private static bool SymbolAround(string text, int index, int length)
    {
        var before = index > 0 ? text[index - 1] : ' ';
        var after = index + length < text.Length ? text[index + length] : ' ';
        return before is '/' or '-' or '.' || after is '/' or '-' && index + length + 1 < text.Length && char.IsDigit(text[index + length + 1]);
    }

    private static double DateQuality(Match m)
    {
        var v = m.Value;
        var hasYear = YearInside().IsMatch(v);
        var hasDay = DayInside().IsMatch(v);
        // A range of days ("12-13 September 2019", "29 and 30 October") gives a whole event; one day may be a part of it.
        var range = DayRange().IsMatch(v);
        return hasYear && hasDay ? (range ? 1.0 : 0.95) : hasDay ? (range ? 0.85 : 0.8) : hasYear ? 0.7 : 0.5;
    }

    private const string Month = @"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)";
    private const string Day = @"\d{1,2}(?:st|nd|rd|th)?";
    private const string Weekday = @"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?";

    [GeneratedRegex(Weekday + @"(?:" + Day + @"(?:\s*(?:-|–|—|and|to|&)\s*" + Day + @")?\s+(?:of\s+)?" + Month + @"(?:,?\s+(?:19|20)\d{2})?"
        + @"|" + Month + @"\s+" + Day + @"(?!\d)(?:\s*(?:-|–|and|to)\s*\d{1,2}(?!\d))?(?:,?\s+(?:19|20)\d{2})?"
        + @"|(?:(?:early|mid|late|end of|beginning of)[\s-]+)?" + Month + @",?\s+(?:19|20)\d{2}"
        + @"|(?:19|20)\d{2}-\d{2}-\d{2}|mid-(?:19|20)\d{2}"
        // A month without a year: "at the end of November", "in May" (a preposition keeps the verb "may" out).
        + @"|(?:(?:early|mid|late|(?:the\s+)?end\s+of|(?:the\s+)?beginning\s+of)[\s-]+|(?<=\b(?:[Ii]n|[Bb]y|[Uu]ntil|[Dd]uring|[Ss]ince)\s))"
        + @"(?:January|February|March|April|May|June|July|August|September|October|November|December)(?![\s,]+\d))\b")]
    private static partial Regex DatePattern();

    private const string Correspondence = @"(?:letter|note(?:\s+verbale)?|communication|message|e-?mail|fax|memorandum|circular)";

    [GeneratedRegex(@"(?:\b(?:[Mm]y|[Oo]ur|[Yy]our|[Hh]is|[Hh]er|[Tt]heir)\s+(?:(?:previous|earlier|last|recent)\s+)?|\b(?:[Pp]revious|[Ee]arlier|[Ll]ast)\s+|\b(?:[Ff]urther to|[Ww]ith reference to|[Ii]n reply to|[Ii]n response to|[Ff]ollowing(?: up on)?|[Rr]eferring to)\s+(?:the|a)\s+)" + Correspondence + @"\s+(?:dated|of)\s+$", RegexOptions.RightToLeft)]
    private static partial Regex CitedLetter();

    [GeneratedRegex(@"\b(?:in|since|by|during|until|for|of)\s+(?:the\s+)?((?:19|20)\d{2})\b(?![-/])")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"(?:19|20)\d{2}")]
    private static partial Regex YearInside();

    /// <summary>Whole words, not ending on a connector ("... of the relevant instrument", not "... instrument or").</summary>
    [GeneratedRegex(@"\b(?:[a-z]+(?:th|st|nd|rd)|\d{1,3}(?:st|nd|rd|th))\s+day\s+(?:after|following|from)(?:\s+[^\s.;,()]+){1,14}(?![^\s.;,()])(?<!\s(?:or|and|of|the|by|to|an?|in|on|for|with|such|this|that))|\b(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirty|sixty|ninety)\s+(?:days?|weeks?|months?|years?)\s+(?:after|from|following)\s+the\s+(?:date|day|receipt|deposit|entry|adoption|signature|notification)\b(?:\s+[^\s.;,()]+){0,12}(?![^\s.;,()])(?<!\s(?:or|and|of|the|by|to|an?|in|on|for|with|such|this|that))")]
    private static partial Regex RelativeDate();

    [GeneratedRegex(@"(?<!\d)\d{1,2}(?!\d)")]
    private static partial Regex DayInside();

    [GeneratedRegex(@"\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|—|and|to|&)\s*\d{1,2}(?!\d)")]
    private static partial Regex DayRange();

    [GeneratedRegex(@"\b\d{1,2}(?::\d{2}\s*(?:a\.m\.|p\.m\.|am|pm|hrs|h)?|\s*(?:a\.m\.|p\.m\.))(?:\s*(?:-|–|—|to|until)\s*\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)?)?(?![\w])")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"(?:Government|Kingdom|Republic|Parliament|Presidency|Ministry)\s+of\s+(?:the\s+)?$")]
    private static partial Regex GovernmentOf();

    [GeneratedRegex(@"(?:US\$|\$|€|£|USD\s?|EUR\s?|CHF\s?)\s?\d[\d,.]*(?:\s*(?:million|billion|thousand|bn)\b)?|\b\d[\d,.]*\s*(?:million|billion|thousand)?\s*(?:US dollars|dollars|euros|Swiss francs|francs|pounds|cents)\b")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"(?<![\w/.-])(?:(?:some|about|around|approximately|over|more than|nearly|almost|at least|up to|fewer than|less than)\s+)?(?<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred)(?:\s*(?:per\s?cent|percent|%|million|billion|thousand))?(?![\w/])")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(?<role>Chair(?:person|man|woman)?s?|Co-Chairs?|Moderators?|Facilitators?|Rapporteurs?|Speakers?|Keynote(?: speaker)?|Hosts?|Contact|Organi[sz]ers?|Presenters?|Discussants?|Introduced by|Presented by)\s*:\s*(?<v>[^,;(]+)", RegexOptions.IgnoreCase)]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"\((?:Signed|signed)\)\s*(?<v>[A-Z][^\n,;(]+)")]
    private static partial Regex SignedPattern();

    private const string Honorific = @"(?:H\.\s?E\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Professor|Sir|Dame|Ambassador|Judge|Justice|Lord|Lady|Mme\.?|Hon\.|Rev\.|Senator)";
    private const string NameWord = @"(?:[A-Z]\.|[A-Z][\p{L}'’-]+|de|del|della|da|dos|van|von|der|den|la|le|el|al|bin|ibn)";

    [GeneratedRegex(@"\b(?:" + Honorific + @"\s+)+[A-Z][\p{L}'’-]+(?:\s+" + NameWord + @")*")]
    private static partial Regex HonorificName();

    [GeneratedRegex(@"\bby\s+(?:the\s+)?(?<v>(?:[A-Z][\p{L}'’.-]*|[A-Z]\.)(?:\s+(?:(?:and|of|for|on|the|de|&)\s+)*(?:[A-Z][\p{L}'’.-]*|[A-Z]\.))*)")]
    private static partial Regex AgentPattern();

    [GeneratedRegex(@"(?:[A-Z][\p{L}'’.-]+\s+(?:(?:of|for|on|and|the)\s+)*)+(?:Foundation|Organization|Organisation|Bank|Fund|Programme|Program|Commission|Office|Group|Division|Department|Institute|Council|University|Agency|Union|Secretariat|Association|Committee|Centre|Center|Facility|Network|Initiative)\b(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\p{L}'’-]+(?:\s+(?:(?:and|of|on)\s+)*[A-Z][\p{L}'’-]+)*)?")]
    private static partial Regex OrganisationPattern();

    [GeneratedRegex(@"\b[A-Z]{2,}(?:-[A-Z]{2,})?\b")]
    private static partial Regex AcronymPattern();

    [GeneratedRegex(@"[""“‘]([^""“”‘’]{3,200}?)[""”’](?![\w])")]
    private static partial Regex QuotePattern();

    [GeneratedRegex(@"\b(?:(?:Conference|Meeting|Council|Board|Press Briefing|Briefing|Committee|Trusteeship Council|Economic and Social Council)\s+)?(?:Room|Hall|Chamber|Suite|Auditorium)\s+[A-Z0-9][\w.-]*(?:\s*\([^)]*\))?(?:,\s*(?:[A-Z][\w']*\s+)*(?:Building|Wing|Floor|Tower|Centre|Center))?")]
    private static partial Regex RoomPattern();

    [GeneratedRegex(@"\b(?:in|at)\s+(?:the\s+)?(?<v>[A-Z][\p{L}'’-]+(?:\s+(?:(?:d'|de|of|the|du)\s*)?[A-Z][\p{L}'’-]+)*(?:,\s*[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+)*)?)")]
    private static partial Regex PlacePattern();
}

/// <summary>Trimming of name spans: role words after a name ("Mr. William Swing Director General") and dangling connectors.</summary>
internal static partial class Names
{
    private static readonly HashSet<string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Director", "General", "President", "Secretary", "Minister", "Chief", "Executive", "Officer", "Founder", "Co-Founder",
        "Head", "Dean", "Academic", "Senior", "Deputy", "Special", "National", "Chair", "Chairman", "Chairperson", "Representative",
        "Permanent", "Under-Secretary-General", "Secretary-General", "Coordinator", "Adviser", "Advisor", "Consultant", "Member",
        "Vice", "Commissioner", "Rapporteur", "Assistant", "Associate", "Lecturer", "Researcher", "Fellow", "Manager", "Envoy",
        "Ambassador", "Professor", "Chargé", "Governor", "Mayor", "Speaker", "Principal", "Regional", "Country", "Programme",
    };

    private static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase) { "and", "of", "for", "on", "the", "de", "&", "in", "at" };

    /// <summary>"Mr. William Swing Director General, ..." -> "Mr. William Swing".</summary>
    public static string Trim(string span)
    {
        var words = span.Trim().TrimEnd('.', ',', ';', ':').Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        // Keep leading honorifics and at least one name word; cut at the first role word or capitals-only word after that.
        var i = 0;
        while (i < words.Count && Honorific().IsMatch(words[i])) i++;
        var firstName = i;
        for (i = firstName + 1; i < words.Count; i++)
        {
            var w = words[i].TrimEnd(',', '.');
            if (RoleWords.Contains(w) || (w.Length >= 2 && w.All(c => char.IsUpper(c) || c == '-') && !Initial().IsMatch(words[i])) || char.IsDigit(w.FirstOrDefault()))
                break;
        }
        return string.Join(' ', words.Take(i)).TrimEnd(',', ';', ':');
    }

    public static bool IsRoleWord(string word) => RoleWords.Contains(word.Split('-')[0]) || RoleWords.Contains(word);

    public static string TrimConnectors(string span)
    {
        var words = span.Trim().TrimEnd('.', ',', ';', ':').Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 0 && Connectors.Contains(words[^1])) words.RemoveAt(words.Count - 1);
        while (words.Count > 0 && Connectors.Contains(words[0])) words.RemoveAt(0);
        return string.Join(' ', words);
    }

    [GeneratedRegex(@"^(?:H\.\s?E\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Professor|Sir|Dame|Ambassador|Judge|Justice|Lord|Lady|Mme\.?|Hon\.|Rev\.|Senator|H\.|E\.)$")]
    private static partial Regex Honorific();

    [GeneratedRegex(@"^[A-Z]\.$")]
    private static partial Regex Initial();
}
