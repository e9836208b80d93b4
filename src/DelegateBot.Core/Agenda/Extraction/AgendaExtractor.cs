using DelegateBot.Core.Knowledge;

namespace DelegateBot.Core.Agenda.Extraction;

/// <summary>
/// Builds the agenda from knowledge documents: reads each document, then merges what several documents say
/// about the same event (the Global Forum of July 2007 in one paper and of 10-11 July 2007 in Brussels in another).
/// Keep one extractor for successive builds: it reads again only the documents that changed since the last one.
/// Not for use by several threads at once.
/// </summary>
public sealed class AgendaExtractor
{
    private readonly Places _places;
    private readonly string _defaultZone;
    private readonly DocumentDrafts _documents;

    public AgendaExtractor(string defaultTimeZone = "UTC", IReadOnlyDictionary<string, string>? extraPlaces = null)
    {
        _places = new Places(extraPlaces);
        _defaultZone = defaultTimeZone;
        _documents = new DocumentDrafts(_places);
    }

    /// <summary>How many documents the last <see cref="Extract"/> read; the others had not changed since the one before.</summary>
    public int DocumentsRead => _documents.Read;

    /// <param name="sourceText">The file text of a document's Source, when it is plain text (for file line numbers in provenance).</param>
    public Agenda Extract(IEnumerable<KnowledgeDocument> documents, Func<string, string?>? sourceText = null)
    {
        var drafts = new List<MeetingDraft>();
        var loose = new List<Deadline>();
        foreach (var document in _documents.ReadAll(documents, sourceText))
        {
            drafts.AddRange(document.Meetings);
            loose.AddRange(document.Deadlines);
        }

        var words = new NameWords(drafts.SelectMany(d => d.Names.Prepend(d.Name)));
        // "the Global Forum" without an ordinal is the series, not one of its meetings (unless exact days are given).
        var series = new Dictionary<string, List<string>>(StringComparer.Ordinal); // series names by their rarest words
        foreach (var name in drafts.Where(d => d.IsSeriesMeeting).Select(d => d.Name).Distinct())
            foreach (var word in words.Prefix(name))
            {
                if (!series.TryGetValue(word, out var list)) series[word] = list = [];
                list.Add(name);
            }
        bool NamesSeries(string name) => words.Prefix(name).Any(w => series.TryGetValue(w, out var list)
            && list.Any(s => MeetingNames.SameEvent(words.Tokens(s), words.Tokens(name))));
        drafts.RemoveAll(d => !d.IsSeriesMeeting && d.Ordinal is null && d.Sessions.Count == 0 && d.Date?.HasDay != true && NamesSeries(d.Name));
        var clusters = new EventClusters(_places, words)
            .Group(drafts.OrderByDescending(d => d.Date?.Precision ?? -1).ThenByDescending(d => d.Sessions.Count));
        var ids = new HashSet<string>();
        var result = clusters
            .Where(Schedulable)
            .Select(c => Build(c, ids))
            .OrderBy(m => m.StartDate ?? new DateOnly(m.Year ?? 1, m.Month ?? 1, 1))
            .ToList();
        return new Agenda(result, loose.DistinctBy(d => (d.Date, d.For)).ToList(), []);
    }

    /// <summary>An event is on the agenda when it has a date and a place, exact days, or a programme.</summary>
    private static bool Schedulable(List<MeetingDraft> c) =>
        c.Any(d => d.Date?.Year is not null) && (c.Any(d => d.Place is not null) || c.Any(d => d.Date?.HasDay == true) || c.Any(d => d.Sessions.Count > 0))
        || c.Any(d => d.Sessions.Any(s => s.Timed));

    private Meeting Build(List<MeetingDraft> cluster, HashSet<string> ids)
    {
        var ordered = cluster.OrderByDescending(d => d.Sessions.Count(s => s.Timed)).ThenByDescending(d => d.Date?.Precision ?? -1)
            .ThenByDescending(d => d.Mentions).ToList();
        var sources = new Dictionary<string, Provenance>();

        T? Pick<T>(string field, Func<MeetingDraft, T?> value)
        {
            foreach (var d in ordered)
                if (value(d) is { } v)
                {
                    if (d.Sources.TryGetValue(field, out var p)) sources[field] = p;
                    return v;
                }
            return default;
        }

        var titleDraft = ordered.First();
        var title = PickTitle(titleDraft, cluster);
        sources[AgendaFields.Title] = titleDraft.FirstSeen;
        var date = Pick(AgendaFields.Dates, d => d.Date);
        var placeDraft = cluster.Where(d => d.Place is not null).OrderByDescending(d => d.Place!.Country is not null).ThenByDescending(d => d.Venue?.Length ?? 0).FirstOrDefault();
        if (placeDraft is not null) sources[AgendaFields.Venue] = placeDraft.Sources[AgendaFields.Venue];
        var place = placeDraft?.Place;

        string zone;
        if (place?.Zone is { } z && AgendaTime.IsKnownZone(z))
        {
            zone = z;
            sources[AgendaFields.TimeZone] = sources[AgendaFields.Venue] with { Kind = ProvenanceKind.Derived, Excerpt = $"time zone of {place.Name}: {z}" };
        }
        else
        {
            zone = _defaultZone;
            sources[AgendaFields.TimeZone] = new Provenance("Configuration", "appsettings.json", "Agenda:DefaultTimeZone")
            { Kind = ProvenanceKind.Derived, Excerpt = "venue unknown: default time zone " + _defaultZone };
        }

        var year = date?.Year;
        var slug = Slug.From(title, 60);
        var id = Slug.Unique(year is null || slug.Contains(year.ToString()!, StringComparison.Ordinal) ? slug : $"{slug}-{year}", ids);
        var deadlines = cluster.SelectMany(d => d.Deadlines).DistinctBy(d => (d.Kind, d.Date)).Select(d => d with { MeetingId = id }).ToList();
        var sessions = BuildSessions(cluster.SelectMany(d => d.Sessions).ToList());

        return new Meeting
        {
            Id = id,
            Title = title,
            StartDate = date?.Start,
            EndDate = date?.Last,
            Year = year,
            Month = date?.Month,
            Venue = placeDraft?.Venue,
            Place = place?.Name,
            Room = Pick(AgendaFields.Room, d => d.Room),
            Organiser = Pick(AgendaFields.Organiser, d => d.Organiser),
            Language = Pick(AgendaFields.Language, d => d.Language),
            Interpretation = Pick(AgendaFields.Interpretation, d => d.Interpretation),
            RegistrationContact = Pick(AgendaFields.RegistrationContact, d => d.RegistrationContact),
            Hours = Pick(AgendaFields.Hours, d => d.Hours.Count > 0 ? d.Hours : null)?.ToList() ?? [],
            TimeZone = zone,
            Sessions = sessions,
            Deadlines = deadlines,
            Provenance = titleDraft.FirstSeen,
            Sources = sources,
        };
    }

    private static string PickTitle(MeetingDraft best, List<MeetingDraft> cluster)
    {
        if (best.IsSeriesMeeting || best.Ordinal is not null) return best.DisplayTitle;
        // The name used most often, then the longest ("Informal Thematic Debate on International Migration and Development").
        var names = cluster.SelectMany(d => d.Names).Where(n => n.Any(char.IsLower) || n.Length < 12).ToList();
        var name = names.Where(n => MeetingNames.Tokens(n).Count >= 4).GroupBy(n => n)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Length).Select(g => g.Key).FirstOrDefault()
            ?? names.OrderByDescending(n => n.Length).FirstOrDefault();
        return MeetingDraft.Capitalise(name ?? best.DisplayTitle);
    }

    private static List<Session> BuildSessions(List<SessionDraft> drafts)
    {
        // Copies to merge into: the drafts stay as their document gave them, for the next build.
        var timed = drafts.Where(d => d.Timed).Select(d => d.Copy()).ToList();
        var untimed = new List<SessionDraft>();
        foreach (var u in drafts.Where(d => !d.Timed))
        {
            // "Morning session: The contribution of migrants to development" describes the timed "Panel one: The Contribution of migrants to development".
            var match = timed.FirstOrDefault(t => SessionTitlesMatch(t.Title, u.Title));
            if (match is null) { untimed.Add(u); continue; }
            if (match.Description.Count == 0) { match.Description.AddRange(u.Description); Copy(u, match, AgendaFields.Description); }
            if (match.KeyQuestions.Count == 0) { match.KeyQuestions.AddRange(u.KeyQuestions); Copy(u, match, AgendaFields.KeyQuestions); }
            if (match.Chair is null && u.Chair is not null) { match.Chair = u.Chair; Copy(u, match, AgendaFields.Chair); }
            if (match.Panelists.Count == 0) { match.Panelists.AddRange(u.Panelists); Copy(u, match, AgendaFields.Panelists); }
        }

        var ordered = timed.OrderBy(t => t.Day?.Start ?? DateOnly.MinValue).ThenBy(t => t.Start).Concat(untimed).ToList();
        var ids = new HashSet<string>();
        var result = new List<Session>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var d = ordered[i];
            var end = d.End;
            var sources = new Dictionary<string, Provenance>(d.Sources);
            if (d.Timed && end is null && i + 1 < ordered.Count && ordered[i + 1] is { Timed: true } next && next.Day?.Start == d.Day?.Start)
            {
                end = next.Start;
                sources[AgendaFields.Time] = d.Provenance with { Kind = ProvenanceKind.Derived, Excerpt = "ends when the next item starts" };
            }
            else if (d.Timed) sources[AgendaFields.Time] = d.Provenance;
            var label = d.Title.Contains(':') && d.Title[..d.Title.IndexOf(':')].Split(' ').Length <= 4 ? d.Title[..d.Title.IndexOf(':')] : d.Title;
            result.Add(new Session
            {
                Id = Slug.Unique(Slug.From(label, 40), ids),
                Title = d.Title,
                Kind = d.Kind,
                Date = d.Day?.Start,
                Start = d.Start,
                End = end,
                Chair = d.Chair,
                Panelists = d.Panelists.DistinctBy(p => p.Name).ToList(),
                Speakers = d.Speakers.DistinctBy(p => p.Name).ToList(),
                KeyQuestions = [.. d.KeyQuestions],
                Description = d.Description.Count == 0 ? null : string.Join("\n\n", d.Description),
                Pushes = d.Kind != SessionKind.Break,
                Provenance = d.Provenance,
                Sources = sources,
            });
        }
        return result;
    }

    private static void Copy(SessionDraft from, SessionDraft to, string field)
    {
        if (from.Sources.TryGetValue(field, out var p)) to.Sources[field] = p;
    }

    private static bool SessionTitlesMatch(string timedTitle, string untimedTitle)
    {
        var t = MeetingNames.Tokens(timedTitle);
        var u = MeetingNames.Tokens(untimedTitle);
        if (u.Count < 2) return false;
        return (double)u.Count(t.Contains) / u.Count >= 0.8;
    }
}
