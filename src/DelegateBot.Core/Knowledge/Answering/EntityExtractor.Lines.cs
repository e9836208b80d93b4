using System.Text.RegularExpressions;

namespace DelegateBot.Core.Knowledge.Answering;

/// <summary>
/// Entities that depend on how a document lays things out: contact lines ("Fax: ..."), document symbols,
/// offices and the person holding them ("the Under-Secretary-General ..., Sha Zukang"), titles of programme
/// items and "Label: value" lines, and venue lines ("Conference Room 4, North Lawn Building, UN Headquarters").
/// </summary>
internal static partial class EntityExtractor
{
    private static void AddContacts(string text, List<Entity> found)
    {
        foreach (Match m in LabelledPhone().Matches(text))
        {
            var g = m.Groups["v"];
            var value = g.Value.TrimEnd(' ', ',', ';', '.');
            found.Add(new Entity(EntityKind.Phone, value, g.Index, g.Index + value.Length, 1.0, m.Groups["role"].Value.TrimEnd('.').ToLowerInvariant()));
        }
        foreach (Match m in BarePhone().Matches(text))
            if (!Inside(found, m.Index, m.Length, EntityKind.Phone))
                found.Add(new Entity(EntityKind.Phone, m.Value.Trim(), m.Index, m.Index + m.Value.Trim().Length, 0.6));
        foreach (Match m in EmailPattern().Matches(text))
            found.Add(new Entity(EntityKind.Email, m.Value, m.Index, m.Index + m.Length, 1.0));
    }

    private static void AddReferences(string text, List<Entity> found)
    {
        foreach (Match m in Ingestion.TitleExtractor.SymbolPattern().Matches(text))
            found.Add(new Entity(EntityKind.Reference, m.Value, m.Index, m.Index + m.Length, 1.0));
        foreach (Match m in ResolutionNumber().Matches(text))
            if (!Inside(found, m.Index, m.Length, EntityKind.Reference))
                found.Add(new Entity(EntityKind.Reference, m.Value, m.Index, m.Index + m.Length, 0.9));
    }

    /// <summary>
    /// An office ("the Secretary-General of the United Nations") answers "who" when no name is given; an office
    /// followed by a name in apposition gives the name its role.
    /// </summary>
    private static void AddOffices(string text, List<Entity> found)
    {
        foreach (Match m in OfficeHolder().Matches(text))
        {
            var office = m.Groups["office"];
            var name = m.Groups["v"];
            // "Minister of Health, Sri Lanka": a country after an office is where it is, not who holds it.
            if (name.Success && name.Value.Split(' ').All(w => !NotNames.Contains(w)) && !IsCountry(name.Value))
                found.Add(new Entity(EntityKind.Person, name.Value, name.Index, name.Index + name.Length, 0.95, office.Value));
            found.Add(new Entity(EntityKind.Office, office.Value, office.Index, office.Index + office.Length, 0.6));
        }
    }

    private static bool IsCountry(string name) => Gazetteer.Countries().Match(name) is { Success: true } m && m.Length == name.Length;

    /// <summary>"H.E. Mr. Joseph Deiss, President of the General Assembly": the office after a name is its role.</summary>
    /// <remarks>On a line that starts with a name ("Mr. Anthony Lake, UNICEF Executive Director, in his capacity as Chair of
    /// the Global Migration Group"), the rest of the line is the person's titles.</remarks>
    private static void GiveOfficesToNames(string text, bool line, List<Entity> found)
    {
        for (var i = 0; i < found.Count; i++)
        {
            var e = found[i];
            if (e.Kind != EntityKind.Person || e.Role is not null) continue;
            // A new entity, not "with": the role's stems are computed when an entity is made.
            var after = OfficeAfterName().Match(text, e.End);
            if (after.Success) found[i] = new Entity(e.Kind, e.Text, e.Start, e.End, e.Quality, after.Groups["office"].Value.Trim());
            else if (line && e.Start <= 10 && text.Length - e.End > 3)
            {
                var titles = text[e.End..].TrimStart(',', ' ', '-', '–');
                if (titles.Length > 2)
                    found[i] = new Entity(e.Kind, e.Text, e.Start, e.End, e.Quality, titles.Length > 200 ? titles[..200] : titles) { RoleFromLine = true };
            }
        }
    }

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "States", "Nations", "Governments", "Government", "Member", "Members", "Group", "Council", "Union", "Committee",
        "Organization", "Organisation", "Office", "Department", "Division", "Assembly", "Forum", "Conference", "Commission",
        "Parties", "Party", "Programme", "Fund", "Bank", "Secretariat", "Agency", "Observers",
    };

    /// <summary>
    /// What a line is called: "Panel one: The Contribution of migrants to development", "Title: Collect and
    /// utilize ...", a programme item's text after its times; in prose, what follows "entitled".
    /// </summary>
    private static void AddPlaces(string text, List<Entity> found)
    {
        foreach (Match m in NamedPlace().Matches(text))
            if (!Inside(found, m.Index, m.Length, EntityKind.Place) && !Inside(found, m.Index, m.Length, EntityKind.Room))
                found.Add(new Entity(EntityKind.Place, m.Value, m.Index, m.Index + m.Length, 0.9));
        foreach (Match m in Destination().Matches(text))
        {
            var g = m.Groups["v"];
            found.Add(new Entity(EntityKind.Place, g.Value, g.Index, g.Index + g.Length, 0.8, "destination"));
        }
    }

    private static void AddTitles(string text, bool line, List<Entity> found)
    {
        foreach (Match m in Entitled().Matches(text))
        {
            var g = m.Groups["v"];
            if (!Inside(found, g.Index, g.Length, EntityKind.Quote))
                found.Add(new Entity(EntityKind.Quote, g.Value.Trim(), g.Index, g.Index + g.Value.TrimEnd().Length, 0.85));
        }
        if (!line) return;
        var offset = 0;
        var time = Ingestion.DocumentParser.ProgrammeTime().Match(text);
        if (time.Success) offset = time.Length;
        var rest = text[offset..];
        var lead = rest.Length - rest.TrimStart().Length;
        offset += lead;
        rest = rest.Trim();
        var labelled = LabelledTitle().Match(rest);
        if (labelled.Success && WhenLabel().Match(labelled.Groups["label"].Value) is { Success: true } when)
        {
            // "Date: 24–25 November 2020": the date the line is about, labelled as such.
            var role = when.Value.StartsWith("Time", StringComparison.OrdinalIgnoreCase) || when.Value.StartsWith("Hour", StringComparison.OrdinalIgnoreCase) ? "time" : "date";
            var from = offset + labelled.Groups["v"].Index;
            for (var i = 0; i < found.Count; i++)
                if (found[i] is { Kind: EntityKind.Date or EntityKind.Time } e && e.Start >= from)
                    found[i] = new Entity(e.Kind, e.Text, e.Start, e.End, e.Quality, role) { From = e.From, To = e.To };
        }
        else if (labelled.Success && VenueLabel().IsMatch(labelled.Groups["label"].Value))
        {
            // "Venue: Avani Gaborone Hotel, Gaborone, Botswana": the whole value is the place.
            var g = labelled.Groups["v"];
            var value = g.Value.TrimEnd('.', ' ');
            found.RemoveAll(e => e.Kind is EntityKind.Room or EntityKind.Place && e.Start >= offset + g.Index);
            found.Add(new Entity(RoomPattern().IsMatch(value) ? EntityKind.Room : EntityKind.Place, value, offset + g.Index, offset + g.Index + value.Length, 1.0, "venue"));
        }
        else if (labelled.Success && !PersonLabel().IsMatch(labelled.Groups["label"].Value) && !labelled.Groups["v"].Value.Any(char.IsDigit))
        {
            var g = labelled.Groups["v"];
            var value = g.Value.TrimEnd('.', ' ');
            found.Add(new Entity(EntityKind.Quote, value, offset + g.Index, offset + g.Index + value.Length, 0.9, labelled.Groups["label"].Value.Trim()));
        }
        else if (time.Success && rest.Length > 3 && char.IsUpper(rest[0]))
        {
            var value = ByPerson().Replace(rest, "").TrimEnd('.', ' ');
            found.Add(new Entity(EntityKind.Quote, value, offset, offset + value.Length, 0.7));
        }
    }

    /// <summary>"Conference Room 4, North Lawn Building, UN Headquarters, New York", "Palais d'Egmont, Brussels": a whole venue.</summary>
    private static void AddVenueLine(string text, List<Entity> found)
    {
        var segments = text.Split(',', StringSplitOptions.TrimEntries);
        if (segments.Length < 2 || segments.Length > 5 || Ingestion.DocumentParser.WordCount(text) > 14) return;
        if (!segments.All(s => VenueSegment().IsMatch(s) && !Gazetteer.IsMonthOrDay(s))) return;
        if (segments.Any(s => s.Any(char.IsDigit) && !RoomPattern().IsMatch(s))) return;
        if (!VenueWord().IsMatch(text) && !Gazetteer.Countries().IsMatch(text)) return; // "Population Division, Department of ..." is no place
        var room = RoomPattern().IsMatch(text);
        var end = text.TrimEnd('.', ' ').Length;
        found.RemoveAll(e => e.Kind is EntityKind.Room or EntityKind.Place && e.Start >= 0 && e.End <= end);
        found.Add(new Entity(room ? EntityKind.Room : EntityKind.Place, text[..end], 0, end, 1.0));
    }

    [GeneratedRegex(@"\b(?:(?:at least|at most|about|some)\s+)?(?:once|twice|thrice|(?:two|three|four|five|six|\d+)\s+times)\s+(?:a|per|each|every)\s+(?:day|week|month|quarter|year|session)\b|\b(?:annually|biannually|biennially|monthly|weekly|daily|yearly|quarterly)\b|\bevery\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?)\b|\b(?:once|twice)\s+(?:a|per)\s+\w+\b")]
    private static partial Regex FrequencyPattern();

    [GeneratedRegex(@"\b(?:(?:at least|at most|no later than|up to|about|some|approximately|over|more than|less than|within|normally)\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|ninety|several|a few)\s+(?:full\s+|working\s+|calendar\s+)?(?:hours?|days?|weeks?|months?|years?)(?:\s+(?:before|after|prior to|in advance|from))?\b|\b(?:one|two|three|half)-(?:day|week|month|year)\b")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"\b(?<role>Tel(?:ephone)?\.?|Phone|Fax|Facsimile|Mobile|Cell)(?:\s*(?:no\.?|number))?\s*[:.]?\s*(?<v>\+?\(?\d[\d\s().\-/]{4,}\d(?:\s*(?:or|/|,|;)\s*\+?\(?\d[\d\s().\-]*\d)*)", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledPhone();

    [GeneratedRegex(@"(?<![\w/])(?:\+\d{1,3}[\s.-]?)?\(\d{2,4}\)\s?\d{3,4}[\s.-]\d{3,4}\b|(?<![\w/])\+\d{1,3}(?:[\s.-]\d{1,4}){2,5}\b")]
    private static partial Regex BarePhone();

    [GeneratedRegex(@"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<=\bresolutions?\s+)\d{1,3}/\d{1,4}\b")]
    private static partial Regex ResolutionNumber();

    private const string Offices = @"(?:Under-Secretary-General|Deputy Secretary-General|Assistant Secretary-General|Secretary-General|Deputy Director[- ]General|Director[- ]General|Executive Director|High Commissioner|Special Representative|Special Rapporteur|Vice-President|President|Chairman|Chairperson|Chair|Prime Minister|Minister|Chargé d'affaires(?: a\.i\.)?|Permanent Representative|Rapporteur|Coordinator|Director)";

    [GeneratedRegex(@"(?<office>(?<![\p{L}-])(?:the\s+)?" + Offices + @"(?:\s+(?:of|for|on|to)\s+(?:the\s+)?[A-Z][\p{L}'’-]+(?:\s+(?:(?:of|for|on|and|the|to)\s+)*[A-Z][\p{L}'’-]+)*)?)(?!\s*:)(?:,\s+(?<v>(?:[A-Z][\p{L}'’-]+\s+){1,3}[A-Z][\p{L}'’-]+)(?=\s*[,.;)]|\s*$))?")]
    private static partial Regex OfficeHolder();

    [GeneratedRegex(@"\G,?\s+(?:the\s+)?(?<office>" + Offices + @"\b[^,;(]*)")]
    private static partial Regex OfficeAfterName();

    [GeneratedRegex(@"\b(?:[Ee]ntitled|[Tt]itled|under the (?:general |overarching )?theme(?: of)?)\s+(?<v>[A-Z][^;:""“”]{3,150}?(?::\s*[A-Z][^,;.""“”]{2,80})?)(?=,\s+(?:the|a|an|which|who|will|is|was|and)\b|;|\.\s|\.?$)")]
    private static partial Regex Entitled();

    [GeneratedRegex(@"^(?:Dates?|When|Time|Times|Hours|Date and time)$", RegexOptions.IgnoreCase)]
    private static partial Regex WhenLabel();

    [GeneratedRegex(@"^(?:Venue|Location|Place|Where|Meeting place|Address)$", RegexOptions.IgnoreCase)]
    private static partial Regex VenueLabel();

    /// <summary>"Sir Seretse Khama International Airport", "Avani Gaborone Hotel": a name ending in a kind of place.</summary>
    [GeneratedRegex(@"\b(?:[A-Z][\p{L}'’.-]+\s+)+(?:International\s+)?(?:Airport|Station|Hotel|Centre|Center|Hall|Palace|Gate|Square|Park|Campus|Pavilion|Auditorium|Headquarters)\b")]
    private static partial Regex NamedPlace();

    /// <summary>"submitted to the Employment and Labour Sector meeting": where something is sent.</summary>
    [GeneratedRegex(@"\b(?:submitted|sent|transmitted|forwarded|presented|returned|addressed|delivered|reported)\s+to\s+(?:the\s+)?(?<v>[A-Z][\p{L}'’-]+(?:\s+(?:(?:of|for|and|on|the|de)\s+)*[A-Z][\p{L}'’-]+)*(?:\s+(?:meeting|session|conference|committee|council|secretariat))?)")]
    private static partial Regex Destination();

    [GeneratedRegex(@"^(?<label>[A-Z][^:]{1,40}?)\s*:\s+(?<v>\S.{3,})$")]
    private static partial Regex LabelledTitle();

    [GeneratedRegex(@"^(?:Chair|Co-Chair|Moderator|Facilitator|Rapporteur|Speaker|Keynote|Host|Contact|Organi[sz]er|Presenter|Discussant|Panel(?:l)?ist|Introduced by|Presented by|Phone|Tel|Fax|E-?mail|Registration deadline|Deadline)", RegexOptions.IgnoreCase)]
    private static partial Regex PersonLabel();

    /// <summary>"Summary by Sir Peter Sutherland": the item's title stops before who gives it.</summary>
    [GeneratedRegex(@"\s+(?:by|with)\s+(?:the\s+|Sir\s+|Mr\.?\s+|Ms\.?\s+|Dr\.?\s+|H\.E\.\s+)?[A-Z].*$")]
    private static partial Regex ByPerson();

    [GeneratedRegex(@"\b(?:Room|Hall|Building|Headquarters|Palais|Palace|Centre|Center|Hotel|Plaza|House|Parliament|Chamber|Auditorium|Campus|Castle|Pavilion|Conference Centre|Suite|Floor|Wing)\b")]
    private static partial Regex VenueWord();

    [GeneratedRegex(@"^(?:[A-Z0-9][\p{L}\p{N}'’.-]*|d'[A-Z][\p{L}'’-]*)(?:\s+(?:[A-Z0-9][\p{L}\p{N}'’.-]*|of|the|de|du|des|la|le|d'[A-Z][\p{L}'’-]*|and|on|for))*$")]
    private static partial Regex VenueSegment();
}
