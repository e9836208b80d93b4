using System.Text.RegularExpressions;
using DelegateBot.Core.Knowledge;

namespace DelegateBot.Core.Agenda.Extraction;

/// <summary>
/// Reads one document: event mentions in prose (with their dates, places, organisers), the programme, meeting
/// facts (room, hours, language, registration), and deadlines; returns a draft per event the document describes.
/// </summary>
internal sealed partial class DocumentExtractor
{
    private readonly Places _places;
    private readonly DocumentLines _doc;
    private readonly List<Sentence> _sentences;
    private readonly List<(int Line, DateOnly Date)> _fullDates = [];
    private readonly List<MeetingDraft> _drafts = [];
    private readonly List<(int Sentence, EventMention Mention, MeetingDraft? Draft)> _mentions = [];
    private readonly List<Deadline> _looseDeadlines = [];

    // Facts found without an event in their sentence; they go to the document's main meeting.
    private readonly List<Action<MeetingDraft>> _orphanFacts = [];

    public DocumentExtractor(KnowledgeDocument document, Places places, string? sourceText = null)
    {
        _places = places;
        _doc = new DocumentLines(document, sourceText);
        _sentences = Sentences.Split(_doc);
        foreach (var line in _doc.Lines)
            foreach (var d in _doc.DatesOf(line))
                if (d.Start is { } s) _fullDates.Add((line.Number, s));
    }

    public (List<MeetingDraft> Meetings, List<Deadline> LooseDeadlines) Extract()
    {
        foreach (var sentence in _sentences) ReadSentence(sentence);
        ReadVenueHeadings();
        var (sessions, blocks) = ProgrammeParser.Parse(_doc);
        ReadRegistrationContact();

        foreach (var block in blocks) AttachBlock(block);
        var main = MainDraft();
        if (main is not null)
        {
            foreach (var fact in _orphanFacts) fact(main);
            foreach (var s in sessions.Where(s => s.Block < 0)) NearestDraftBefore(s.Line, main).Sessions.Add(s);
        }
        return (_drafts, _looseDeadlines);
    }

    // ---- prose -------------------------------------------------------------------------------------------

    private void ReadSentence(Sentence sentence)
    {
        var at = _doc.At(sentence.Line, sentence.Text);
        var text = sentence.Text;
        var mentions = EventMentions.Find(text);
        var resolved = new List<(EventMention m, MeetingDraft? Draft)>();
        foreach (var m in mentions)
        {
            var draft = Resolve(sentence, m, at);
            resolved.Add((m, draft));
            _mentions.Add((sentence.Index, m, draft));
        }
        // "It is organized by ..." right after a sentence about an event: "It" is that event.
        if (resolved.Count == 0 && PronounStart().IsMatch(text)
            && _mentions.LastOrDefault(x => x.Draft is not null && sentence.Index - x.Sentence <= 2) is { Draft: { } previous } last)
        {
            var pronoun = new EventMention(0, 2, MentionKind.Definite, previous.Head, null, null, null, null);
            resolved.Add((pronoun, previous));
            _mentions.Add((sentence.Index, pronoun, previous));
        }

        var offset = 0;
        foreach (var clause in ClauseSplit().Split(text))
        {
            var clauseStart = text.IndexOf(clause, offset, StringComparison.Ordinal);
            offset = clauseStart + clause.Length;
            var inClause = resolved.Where(r => r.Draft is not null && r.m.Index >= clauseStart && r.m.Index < clauseStart + clause.Length)
                .Select(r => (Mention: r.m with { Index = r.m.Index - clauseStart }, Draft: r.Draft!)).ToList();
            ReadClause(clause, inClause, at, sentence);
        }
        ReadDeadlines(text, resolved.Select(r => r.Draft).FirstOrDefault(d => d is not null), at, sentence.Line);
    }

    private void ReadClause(string clause, List<(EventMention Mention, MeetingDraft Draft)> events, Provenance at, Sentence sentence)
    {
        var dates = new List<DateMatch>();
        foreach (var d in DateExpressions.Find(clause))
        {
            // Not a year of an event's name ("the 2010 meeting"), not the date of a letter or report.
            if (events.Any(e => d.Index >= e.Mention.Index && d.End <= e.Mention.End) || DocumentDate().IsMatch(clause.AsSpan(0, d.Index))) continue;
            if (CompleteYear(d, sentence.Line) is { Year: not null } complete) dates.Add(complete);
        }
        var places = _places.Find(clause);
        var holding = HoldingVerb().IsMatch(clause);

        MeetingDraft? Target(int index)
        {
            if (events.Count == 0) return null;
            // A new or named event beats a reference back ("an experts symposium preceding the debate, which ...").
            var best = events.Where(e => e.Mention.Kind != MentionKind.Definite).ToList();
            if (best.Count == 0) best = events;
            return best.OrderBy(e => index >= e.Mention.End ? index - e.Mention.End : (e.Mention.Index - index) * 2).First().Draft;
        }

        // The date that follows an event ("... will take place in New York on 19 May 2011") is its date.
        foreach (var d in dates.OrderBy(d => events.Any(e => e.Mention.End <= d.Index) ? 0 : 1))
        {
            if (Target(d.Index) is { } draft) draft.SetDate(d, at);
            else if (d.HasDay && places.Count > 0 && clause.Length < 80)
                _orphanFacts.Add(m => { if (m.Date is null || m.Date.Precision < d.Precision) m.SetDate(d, at); }); // dateline "New York, 7 March 2007"
        }

        if (dates.Count > 0 || holding || events.Any(e => e.Mention.Year is not null))
        {
            foreach (var p in places)
            {
                var venue = VenueAround(clause, p);
                var preposition = PrepositionBefore().IsMatch(clause[..p.Index]);
                var subject = p.Index < 3 || clause[..p.Index].Trim().Length <= 4
                    || dates.Any(d => d.Index > p.Index + p.Length && clause[(p.Index + p.Length)..d.Index].Trim() == ","); // "New York, 7 March 2007"
                if (!preposition && !subject && !GovernmentOf().IsMatch(clause[..p.Index])) continue;
                if (Target(p.Index) is { } draft) draft.SetPlace(p.Place, venue, at);
                else if (dates.Any(d => d.HasDay) && clause.Length < 80) _orphanFacts.Add(m => m.SetPlace(p.Place, venue, at));
            }
        }

        var organiser = OrganisedBy().Match(clause) is { Success: true } ob ? ob.Groups["org"].Value
            : MayHost(clause) && HostSubject().Match(clause) is { Success: true } hs && !EventMentions.Find(hs.Groups["org"].Value).Any() && !Pronoun().IsMatch(hs.Groups["org"].Value) ? hs.Groups["org"].Value : null;
        if (organiser is not null && events.Count > 0)
        {
            var draft = Target(0)!;
            draft.Set(AgendaFields.Organiser, TidyOrganiser(organiser), at, v => draft.Organiser = v);
        }

        void MeetingFact(Action<MeetingDraft> apply)
        {
            if (events.Count > 0) apply(Target(0)!); else _orphanFacts.Add(apply);
        }

        if (Room().Match(clause) is { Success: true } room)
            MeetingFact(m => m.Set(AgendaFields.Room, room.Value.TrimEnd('.'), at, v => m.Room = v));

        var ranges = TimeExpressions.FindRanges(clause);
        if (ranges.Count > 0 && dates.Any(d => d.HasDay) && !ProgrammeLine().IsMatch(clause))
        {
            var day = dates.First(d => d.HasDay);
            MeetingFact(m =>
            {
                if (m.Sources.ContainsKey(AgendaFields.Hours)) return;
                var single = day.Start is { } s && day.Last == s ? s : (DateOnly?)null;
                foreach (var r in ranges.Where(r => r.End is not null)) m.Hours.Add(new MeetingHours(single, r.Start, r.End!.Value));
                m.Sources[AgendaFields.Hours] = at;
            });
        }

        if (ConductedIn().Match(clause) is { Success: true } lang)
            MeetingFact(m => m.Set(AgendaFields.Language, lang.Groups["lang"].Value, at, v => m.Language = v));
        if (Interpretation().Match(clause) is { Success: true } interp)
            MeetingFact(m => m.Set(AgendaFields.Interpretation, interp.Groups["lang"].Value + interp.Groups["lang2"].Value, at, v => m.Interpretation = v));
    }

    private MeetingDraft? Resolve(Sentence sentence, EventMention m, Provenance at)
    {
        MeetingDraft? draft = null;
        if (m.Kind == MentionKind.Named && m.Name is not null)
        {
            draft = FindOrAdd(m.Name, m.Head, m.Ordinal, series: false, year: null, at, sentence.Line);
        }
        else if (m.Series is not null)
        {
            var full = FullSeriesName(m.Series);
            draft = FindOrAdd(full, SeriesHead(full, m.Head), m.Ordinal, series: true, year: null, at, sentence.Line);
        }
        else if (m.Kind == MentionKind.Definite && (m.Ordinal is not null || m.Year is not null))
        {
            // "The second meeting", "the 2010 meeting": another meeting of the series just mentioned.
            var series = _mentions.Where(x => x.Draft is { IsSeriesMeeting: true } && sentence.Index - x.Sentence <= 10).Select(x => x.Draft!).LastOrDefault();
            if (series is not null)
                draft = FindOrAdd(series.Name, series.Head, m.Ordinal, series: true, year: m.Ordinal is null ? m.Year : null, at, sentence.Line);
        }
        else if (m.Kind == MentionKind.Definite)
        {
            // "this international parliamentary meeting" refers back only to an event whose name has those words.
            bool Fits(MeetingDraft d) => m.Name is null || MeetingNames.Overlap(string.Join(' ', d.Names), m.Name) >= 0.99;
            draft = _mentions.Where(x => x.Draft is not null && (x.Draft.Head == m.Head || m.Head == "meeting" && x.Draft.IsSeriesMeeting) && Fits(x.Draft))
                .Select(x => x.Draft).LastOrDefault()
                ?? _drafts.LastOrDefault(d => d.Head == m.Head && d.FirstLine <= sentence.Line && Fits(d))
                ?? (m.Name is not null ? FindOrAdd(m.Name, m.Head, m.Ordinal, false, null, at, sentence.Line) : null);
        }
        else if (m.Kind == MentionKind.Indefinite && m.Name is not null)
        {
            draft = FindOrAdd(m.Name, m.Head, m.Ordinal, false, null, at, sentence.Line);
        }
        if (draft is not null) draft.Mentions++;
        return draft;
    }

    private MeetingDraft FindOrAdd(string name, string head, int? ordinal, bool series, int? year, Provenance at, int line)
    {
        var existing = _drafts.FirstOrDefault(d => d.Head == head && d.Ordinal == ordinal && d.MentionYear == year && d.IsSeriesMeeting == series
            && MeetingNames.SameEvent(d.Name, name));
        if (existing is not null)
        {
            existing.Names.Add(name);
            return existing;
        }
        var draft = new MeetingDraft
        {
            Name = name, Head = head, Ordinal = ordinal, IsSeriesMeeting = series, MentionYear = year,
            FirstSeen = at, FirstLine = line, Source = _doc.Document.Source,
        };
        draft.Names.Add(name);
        draft.Sources[AgendaFields.Title] = at;
        if (year is not null) draft.SetDate(new DateMatch(0, 0, year, null, null), at);
        _drafts.Add(draft);
        return draft;
    }

    /// <summary>"Global Forum" -> "Global Forum on Migration and Development" when the document names it in full.</summary>
    private string FullSeriesName(string series)
    {
        var head = EventMentions.Singular(series.Split(' ')[^1]);
        var full = _mentions.Where(x => x.Mention.Kind == MentionKind.Named && x.Mention.Name is not null
                && (x.Mention.Name.StartsWith(series, StringComparison.OrdinalIgnoreCase) || series.Split(' ').Length == 1 && x.Mention.Head == head))
            .Select(x => x.Mention.Name)
            .GroupBy(n => n!).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Length).Select(g => g.Key).FirstOrDefault();
        return full ?? series;
    }

    private static string SeriesHead(string seriesName, string fallback)
    {
        var last = seriesName.Split(' ').Select(EventMentions.Singular).LastOrDefault(w => w is "forum" or "conference" or "dialogue" or "summit" or "meeting");
        return last ?? fallback;
    }

    private string? VenueAround(string clause, PlaceMatch place)
    {
        var before = clause[..place.Index];
        if (AtVenue().Match(before) is { Success: true } v)
            return $"{v.Groups["venue"].Value.Trim()}, {place.Place.Name}";
        return place.Place.Name;
    }

    private static string TidyOrganiser(string s)
    {
        s = s.Trim().TrimEnd('.', ',', ';');
        return s.StartsWith("the ", StringComparison.Ordinal) ? "The " + s[4..] : s;
    }

    /// <summary>A short line "Palais d'Egmont, Brussels" next to an event's name is that event's venue.</summary>
    private void ReadVenueHeadings()
    {
        foreach (var line in _doc.Lines)
        {
            if (!line.Text.Contains(',') || line.Text.EndsWith('.') || ProgrammeParser.WordCount(line.Text) is < 2 or > 8) continue;
            if (_places.Find(line.Text).LastOrDefault() is not { } place || place.Index + place.Length < line.Text.TrimEnd().Length - 1) continue;
            if (_doc.DatesOf(line).Count > 0) continue;
            var near = _mentions.Where(x => x.Draft is not null && x.Mention.Kind == MentionKind.Named && Math.Abs(LineOf(x.Sentence) - line.Number) <= 3)
                .Select(x => x.Draft!).FirstOrDefault();
            if (near is null) continue;
            var venue = line.Text.Trim();
            var room = Room().Match(venue);
            if (room.Success)
            {
                near.Set(AgendaFields.Room, room.Value.TrimEnd('.'), _doc.At(line.Number), v => near.Room = v);
                venue = venue.Remove(room.Index, room.Length).Trim(' ', ',');
            }
            near.SetPlace(place.Place, venue, _doc.At(line.Number));
        }
    }

    /// <summary>"17-18 May" takes the year of the nearest full date before it in the document, else the nearest after it.</summary>
    private DateMatch CompleteYear(DateMatch d, int line)
    {
        if (d.Year is not null || d.Month is null) return d;
        var before = _fullDates.Where(f => f.Line <= line).Select(f => (int?)f.Date.Year).LastOrDefault();
        var after = _fullDates.Where(f => f.Line > line).Select(f => (int?)f.Date.Year).FirstOrDefault();
        return (before ?? after) is { } y ? DateExpressions.WithYear(d, y) : d;
    }

    [GeneratedRegex(@"(?<=[^,]),?\s+and\s+(?=(?:the\s+)?(?:Government|[A-Z][a-z]+)\s+(?:has|have|had|will|would|is|are|was|were|offered|organized|organised|hosted)\b)|;\s*")]
    private static partial Regex ClauseSplit();

    [GeneratedRegex(@"\b(?:held|hold|holds|hosted|host|hosts|took place|take place|takes place|taking place|convened|convene|organi[sz]ed|organi[sz]e|organi[sz]ing|conducted|met|meet|preceded|scheduled|to be held|will be)\b")]
    private static partial Regex HoldingVerb();

    [GeneratedRegex(@"\b(?:in|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,6}$")] private static partial Regex PrepositionBefore();
    [GeneratedRegex(@"\bGovernments?\s+of\s+(?:the\s+)?$")] private static partial Regex GovernmentOf();

    [GeneratedRegex(@"\b(?:at|in)\s+(?<venue>(?:the\s+)?(?:[A-Z][\w'’.-]*|[a-z]+)(?:\s+(?:[A-Z][\w'’.-]*|of|the|[a-z]+)){0,5}?)\s+in\s+(?:the\s+)?$")]
    private static partial Regex AtVenue();

    [GeneratedRegex(@"\b(?:jointly\s+)?(?:organi[sz]ed|hosted|convened)\s+(?:jointly\s+)?by\s+(?<org>(?:the\s+)?[A-Z][^,;.]{2,120}?)(?=,|;|\.|$|\s+(?:in|on|at|with)\s)")]
    private static partial Regex OrganisedBy();

    [GeneratedRegex(@"^(?<org>(?:The\s+)?[A-Z][\w'’()-]*(?:\s+(?:of|the|and|for|[A-Z][\w'’()-]*)){0,9}?)(?:,[^,]{3,80},)?\s+(?:will|would|has offered to|have offered to|offered to|intends to|plans to|is to|is organizing|is organising)?\s*(?:host|organi[sz]e|convene)s?\b")]
    private static partial Regex HostSubject();

    // HostSubject ends with one of these words; its backtracking is costly, so clauses without them skip it.
    private static bool MayHost(string clause) =>
        clause.Contains("host", StringComparison.Ordinal) || clause.Contains("organi", StringComparison.Ordinal) || clause.Contains("convene", StringComparison.Ordinal);

    [GeneratedRegex(@"\b(?:Conference Room|Room|Salle|Meeting Room)\s+[A-Z0-9][\w.-]*|\b(?:Trusteeship Council|Economic and Social Council|ECOSOC|Security Council) Chamber\b|\bGeneral Assembly Hall\b")]
    private static partial Regex Room();

    [GeneratedRegex(@"^\s*\d{1,2}[:.h]\d{2}")] private static partial Regex ProgrammeLine();
    [GeneratedRegex(@"\b(?:letter|note|note verbale|dated|resolution|report|communication)\s+(?:of\s+|dated\s+)?$", RegexOptions.IgnoreCase)] private static partial Regex DocumentDate();
    [GeneratedRegex(@"^(?:It|They|This|These|That|We|He|She|Those)$")] private static partial Regex Pronoun();
    [GeneratedRegex(@"^It\s+(?:is|was|will|would|has|takes|took)\b")] private static partial Regex PronounStart();

    [GeneratedRegex(@"\b(?:conducted|held|take place)\s+in\s+(?<lang>English|French|Spanish|Arabic|Chinese|Russian|Portuguese|German)\b")]
    private static partial Regex ConductedIn();

    [GeneratedRegex(@"\b(?<lang>(?:English|French|Spanish|Arabic|Chinese|Russian|Portuguese|German)(?:(?:,|\s+and)\s+(?:English|French|Spanish|Arabic|Chinese|Russian|Portuguese|German))*)\s+interpretation\b|\binterpretation\s+(?:will be\s+)?(?:provided|available)\s+(?:in|into)\s+(?<lang2>[A-Z][a-z]+(?:(?:,|\s+and)\s+[A-Z][a-z]+)*)")]
    private static partial Regex Interpretation();





}
