using System.Globalization;
using DelegateBot.Core.Agenda.Extraction;

namespace DelegateBot.Core.Agenda.Overrides;

/// <summary>
/// Applies agenda.yaml to the extracted agenda field by field: a value in the file wins, and the field's
/// provenance then names the file and line. Entries that match nothing add a meeting or a session.
/// All problems are collected; if there is any, nothing is applied (a half-applied correction would mislead).
/// </summary>
internal sealed class AgendaOverridesApplier(Places places)
{
    private readonly List<string> _errors = [];
    private AgendaOverrides _file = null!;

    public Agenda Apply(Agenda agenda, AgendaOverrides file)
    {
        _file = file;
        _errors.Clear();
        var meetings = agenda.Meetings.ToList();
        if (file.DefaultTimeZone is { } dz && !AgendaTime.IsKnownZone(dz.Text))
            Error(dz.Line, $"defaultTimeZone '{dz.Text}' is not an IANA time zone (e.g. America/New_York)");

        foreach (var entry in file.Meetings)
        {
            var target = FindMeeting(meetings, entry);
            if (_errors.Count > 0 && target is null) continue;
            if (target is null)
            {
                if (NewMeeting(entry, meetings) is { } created) meetings.Add(created);
                continue;
            }
            var index = meetings.IndexOf(target);
            if (Bool(entry["hidden"]) == true) { meetings.RemoveAt(index); continue; }
            meetings[index] = ApplyMeeting(target, entry);
        }
        if (file.DefaultTimeZone is { } zone && _errors.Count == 0)
            meetings = meetings.Select(m => m.SourceOf(AgendaFields.TimeZone).Source == "appsettings.json"
                ? m with { TimeZone = zone.Text, Sources = With(m.Sources, AgendaFields.TimeZone, zone.Line) } : m).ToList();

        if (_errors.Count > 0) throw new AgendaOverridesException(_errors.ToList());
        return agenda with { Meetings = meetings.OrderBy(m => m.StartDate ?? new DateOnly(m.Year ?? 1, m.Month ?? 1, 1)).ToList() };
    }

    private Meeting? FindMeeting(List<Meeting> meetings, OverrideEntry entry)
    {
        var key = entry["match"] ?? entry["id"];
        if (key is null) return null;
        var exact = meetings.FirstOrDefault(m => string.Equals(m.Id, key.Text, StringComparison.OrdinalIgnoreCase));
        if (exact is not null) return exact;
        var byTitle = meetings.Where(m => m.Title.Contains(key.Text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byTitle.Count == 0)
            byTitle = meetings.Where(m => MeetingNames.Overlap(m.Title + " " + m.Year, key.Text) >= 0.99 || MeetingNames.Overlap(key.Text, m.Title) >= 0.99).ToList();
        if (byTitle.Count == 1) return byTitle[0];
        if (byTitle.Count > 1)
            Error(key.Line, $"{entry.Path}: '{key.Text}' matches several meetings ({string.Join(", ", byTitle.Select(m => m.Id))}); use the id");
        else if (entry["title"] is null || entry["startDate"] is null)
            Error(key.Line, $"{entry.Path}: no meeting matches '{key.Text}' (ids: {string.Join(", ", meetings.Select(m => m.Id))}); to add a meeting give 'title' and 'startDate' without 'match'");
        return null;
    }

    private Meeting? NewMeeting(OverrideEntry entry, List<Meeting> meetings)
    {
        if (entry["title"] is not { } title || entry["startDate"] is not { } start)
        {
            Error(entry.Line, $"{entry.Path}: a new meeting needs 'title' and 'startDate' (or 'match' to correct an extracted one)");
            return null;
        }
        var date = Date(start);
        var ids = meetings.Select(m => m.Id).ToHashSet();
        var blank = new Meeting
        {
            Id = Slug.Unique(Slug.From(title.Text) + (date is { } d ? "-" + d.Year : ""), ids),
            Title = title.Text,
            TimeZone = "UTC",
            Provenance = _file.At(entry.Line),
            Sources = new Dictionary<string, Provenance> { [AgendaFields.TimeZone] = _file.At(entry.Line) with { Kind = ProvenanceKind.Derived, Excerpt = "no time zone given: UTC" } },
        };
        return ApplyMeeting(blank, entry);
    }

    private Meeting ApplyMeeting(Meeting m, OverrideEntry e)
    {
        var sources = new Dictionary<string, Provenance>(m.Sources);
        void Mark(string field, YamlValue v) => sources[field] = _file.At(v.Line);

        if (e["title"] is { } title) { m = m with { Title = title.Text }; Mark(AgendaFields.Title, title); }
        if (e["startDate"] is { } sd && Date(sd) is { } start)
        {
            m = m with { StartDate = start, EndDate = m.EndDate is { } end && end >= start && e["endDate"] is null ? end : start, Year = start.Year, Month = start.Month };
            Mark(AgendaFields.Dates, sd);
        }
        if (e["endDate"] is { } ed && Date(ed) is { } last)
        {
            if (m.StartDate is { } s && last < s) Error(ed.Line, $"{e.Path}.endDate {last:yyyy-MM-dd} is before the start date {s:yyyy-MM-dd}");
            m = m with { EndDate = last };
            Mark(AgendaFields.Dates, ed);
        }
        if (e["venue"] is { } venue)
        {
            m = m with { Venue = venue.Text, Place = places.In(venue.Text)?.Name ?? m.Place };
            Mark(AgendaFields.Venue, venue);
            // A corrected venue also moves the time zone, unless the file sets the zone too.
            if (e["timeZone"] is null && places.In(venue.Text)?.Zone is { } z && z != m.TimeZone)
            {
                m = m with { TimeZone = z };
                sources[AgendaFields.TimeZone] = _file.At(venue.Line) with { Kind = ProvenanceKind.Derived, Excerpt = $"time zone of {venue.Text}: {z}" };
            }
        }
        if (e["timeZone"] is { } tz)
        {
            if (!AgendaTime.IsKnownZone(tz.Text)) Error(tz.Line, $"{e.Path}.timeZone '{tz.Text}' is not an IANA time zone (e.g. America/New_York, Europe/Brussels)");
            else { m = m with { TimeZone = tz.Text }; Mark(AgendaFields.TimeZone, tz); }
        }
        if (e["room"] is { } room) { m = m with { Room = room.Text }; Mark(AgendaFields.Room, room); }
        if (e["organiser"] is { } org) { m = m with { Organiser = org.Text }; Mark(AgendaFields.Organiser, org); }
        if (e["language"] is { } lang) { m = m with { Language = lang.Text }; Mark(AgendaFields.Language, lang); }
        if (e["interpretation"] is { } interp) { m = m with { Interpretation = interp.Text }; Mark(AgendaFields.Interpretation, interp); }
        if (e["registrationContact"] is { } contact) { m = m with { RegistrationContact = contact.Text }; Mark(AgendaFields.RegistrationContact, contact); }
        if (e["pushes"] is { } pushes && Bool(pushes) is { } p)
        {
            m = m with { Pushes = p, Sessions = m.Sessions.Select(s => s with { Pushes = p && s.Kind != SessionKind.Break }).ToList() };
            Mark(AgendaFields.Pushes, pushes);
        }
        if (e["registrationDeadline"] is { } rd && Date(rd) is { } deadline)
        {
            var corrected = new Deadline(DeadlineKind.Registration, deadline, "registration", _file.At(rd.Line)) { MeetingId = m.Id };
            m = m with { Deadlines = m.Deadlines.Where(d => d.Kind != DeadlineKind.Registration).Append(corrected).OrderBy(d => d.Date).ToList() };
        }
        m = m with { Sources = sources };

        var sessions = m.Sessions.ToList();
        foreach (var se in e.Sessions)
        {
            var target = FindSession(sessions, se, m);
            if (target is null)
            {
                if (se["match"] is not null) continue; // error already reported
                if (se["title"] is null) { Error(se.Line, $"{se.Path}: a new session needs a 'title' (or 'match' to correct an extracted one)"); continue; }
                var ids = sessions.Select(s => s.Id).ToHashSet();
                var created = new Session { Id = Slug.Unique(Slug.From(se["title"]!.Text, 40), ids), Title = se["title"]!.Text, Provenance = _file.At(se.Line), Pushes = m.Pushes };
                sessions.Add(ApplySession(created, se, m));
                continue;
            }
            var i = sessions.IndexOf(target);
            if (Bool(se["hidden"]) == true) { sessions.RemoveAt(i); continue; }
            sessions[i] = ApplySession(target, se, m);
        }
        return m with { Sessions = sessions.OrderBy(s => s.Start is null ? 1 : 0).ThenBy(s => s.Date).ThenBy(s => s.Start).ToList() };
    }

    private Session? FindSession(List<Session> sessions, OverrideEntry e, Meeting m)
    {
        if (e["match"] is not { } key) return null;
        var found = sessions.FirstOrDefault(s => string.Equals(s.Id, key.Text, StringComparison.OrdinalIgnoreCase));
        if (found is not null) return found;
        var byTitle = sessions.Where(s => s.Title.Contains(key.Text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byTitle.Count == 1) return byTitle[0];
        Error(key.Line, byTitle.Count > 1
            ? $"{e.Path}: '{key.Text}' matches several sessions of {m.Id} ({string.Join(", ", byTitle.Select(s => s.Id))}); use the id"
            : $"{e.Path}: no session of {m.Id} matches '{key.Text}' (ids: {string.Join(", ", sessions.Select(s => s.Id))})");
        return null;
    }

    private Session ApplySession(Session s, OverrideEntry e, Meeting m)
    {
        var sources = new Dictionary<string, Provenance>(s.Sources);
        void Mark(string field, YamlValue v) => sources[field] = _file.At(v.Line);

        if (e["title"] is { } title && e["match"] is not null) { s = s with { Title = title.Text }; Mark(AgendaFields.Title, title); }
        if (e["date"] is { } d && Date(d) is { } day)
        {
            if (m.StartDate is { } ms && m.EndDate is { } me && (day < ms || day > me))
                Error(d.Line, $"{e.Path}.date {day:yyyy-MM-dd} is outside the meeting's dates ({m.DatesText})");
            s = s with { Date = day };
            Mark(AgendaFields.Time, d);
        }
        if (e["start"] is { } st && Time(st) is { } start) { s = s with { Start = start }; Mark(AgendaFields.Time, st); }
        if (e["end"] is { } en && Time(en) is { } end) { s = s with { End = end }; Mark(AgendaFields.Time, en); }
        if (s.Start is { } a && s.End is { } b && b <= a) Error((e["end"] ?? e["start"])?.Line ?? e.Line, $"{e.Path}: end {b:HH\\:mm} is not after start {a:HH\\:mm}");
        if (s.End is not null && s.Start is null) Error(e.Line, $"{e.Path}: an end time needs a start time");
        if (e["room"] is { } room) { s = s with { Room = room.Text }; Mark(AgendaFields.Room, room); }
        if (e["chair"] is { } chair) { s = s with { Chair = PersonOf(chair.Text) }; Mark(AgendaFields.Chair, chair); }
        if (e["description"] is { } desc) { s = s with { Description = desc.Text }; Mark(AgendaFields.Description, desc); }
        if (e["pushes"] is { } p && Bool(p) is { } pushes) { s = s with { Pushes = pushes }; Mark(AgendaFields.Pushes, p); }
        if (e["keyQuestions"] is { Items: { } questions } kq) { s = s with { KeyQuestions = questions }; Mark(AgendaFields.KeyQuestions, kq); }
        if (e["panelists"] is { Items: { } people } pl) { s = s with { Panelists = people.Select(PersonOf).ToList() }; Mark(AgendaFields.Panelists, pl); }
        return s with { Sources = sources };
    }

    private static Person PersonOf(string text)
    {
        var comma = text.IndexOf(',');
        return comma < 0 ? new Person(text.Trim()) : new Person(text[..comma].Trim(), text[(comma + 1)..].Trim());
    }

    private Dictionary<string, Provenance> With(IReadOnlyDictionary<string, Provenance> sources, string field, int line) =>
        new(sources) { [field] = _file.At(line) };

    private DateOnly? Date(YamlValue v)
    {
        if (DateOnly.TryParseExact(v.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Error(v.Line, $"'{v.Text}' is not a date; write it as YYYY-MM-DD (e.g. 2011-05-19)");
        return null;
    }

    private TimeOnly? Time(YamlValue v)
    {
        if (TimeOnly.TryParseExact(v.Text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return t;
        Error(v.Line, $"'{v.Text}' is not a time; write it as HH:MM in 24-hour form (e.g. \"15:00\")");
        return null;
    }

    private bool? Bool(YamlValue? v)
    {
        if (v is null) return null;
        if (bool.TryParse(v.Text, out var b)) return b;
        if (v.Text is "yes" or "on") return true;
        if (v.Text is "no" or "off") return false;
        Error(v.Line, $"'{v.Text}' is not true or false");
        return null;
    }

    private void Error(int line, string message) => _errors.Add($"{_file.FileName} line {line}: {message}");
}
