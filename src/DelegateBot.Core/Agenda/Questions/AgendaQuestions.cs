using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using DelegateBot.Core.Agenda.Extraction;
using DelegateBot.Core.Knowledge;

namespace DelegateBot.Core.Agenda.Questions;

/// <summary>
/// Answers agenda-shaped questions against one agenda at one moment: what is on at a time, what is next, who
/// speaks after a session, deadlines and days left to register, details of a session. Anything else returns
/// null, so the knowledge answer service answers from the documents.
/// </summary>
internal sealed partial class AgendaQuestions(Agenda agenda, DateTimeOffset now, bool rehearsal)
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");
    private string _question = "";

    public Answer? TryAnswer(string question)
    {
        _question = question.Trim();
        var q = Normalise(question);
        if (agenda.Meetings.Count == 0 && !agenda.Deadlines.Any()) return null;

        if (Registration().IsMatch(q) && (DaysLeft().IsMatch(q) || q.Contains("deadline") || q.Contains("still") || q.Contains("when")))
            return RegistrationAnswer(q);
        // Only a request for the list: "what was the deadline for the questionnaire?" is a fact the documents cite better.
        if (DeadlineList().IsMatch(q)) return DeadlinesAnswer();
        if (AfterBefore().Match(q) is { Success: true } ab && (q.StartsWith("who") || q.StartsWith("what") || q.StartsWith("which")))
            return NeighbourAnswer(ab.Groups["ref"].Value, ab.Groups["dir"].Value is "before" ? -1 : 1);
        if (Next().IsMatch(q)) return NextAnswer();
        if (WhatsOn().IsMatch(q)) return WhatsOnAnswer(q);
        if (Detail().Match(q) is { Success: true } d) return DetailAnswer(d.Groups["kind"].Value, d.Groups["ref"].Value);
        return null;
    }

    // ---- deadlines -------------------------------------------------------------------------------------------

    private Answer? RegistrationAnswer(string q)
    {
        var deadlines = agenda.AllDeadlines.Where(d => d.Kind == DeadlineKind.Registration).ToList();
        if (deadlines.Count == 0) return null;
        var questionTokens = MeetingNames.Tokens(q);
        bool Named(Meeting m) => MeetingNames.Overlap(questionTokens, TitleTokens.GetValue(m, x => MeetingNames.Tokens(x.Title))) >= 0.5;
        var named = deadlines.Where(d => MeetingOf(d) is { } m && Named(m)).ToList();
        if (named.Count > 0) deadlines = named;
        // "When does the registration desk open at the thematic debate?": a meeting with no registration deadline is asked
        // about; another meeting's deadline is no answer (the documents may hold one).
        else if (RegistrationDesk().IsMatch(q) || agenda.Meetings.Any(Named)) return null;
        var lines = deadlines.Select(d => RegistrationLine(d)).ToList();
        return Found(string.Join("\n", lines), deadlines.Select(d => d.Provenance));
    }

    private string RegistrationLine(Deadline d)
    {
        var meeting = MeetingOf(d);
        var what = meeting is null ? "" : $" for {meeting.Title}";
        var days = DaysUntil(d, meeting);
        var date = AgendaTime.FormatDate(d.Date);
        return days switch
        {
            < 0 => $"Registration{what} is closed: the deadline was {date} ({-days} days ago).",
            0 => $"Today is the last day to register{what} (deadline {date}).",
            1 => $"1 day left to register{what}: the deadline is {date}.",
            _ => $"{days} days left to register{what}: the deadline is {date}.",
        };
    }

    private Answer DeadlinesAnswer()
    {
        var deadlines = agenda.AllDeadlines;
        if (deadlines.Count == 0) return NotFound("The meeting documents give no deadlines.");
        var sb = new StringBuilder("Deadlines:");
        foreach (var d in deadlines)
        {
            var meeting = MeetingOf(d);
            var days = DaysUntil(d, meeting);
            var status = days < 0 ? $"closed on {d.Date.ToString("d MMMM yyyy", En)}" : days == 0 ? "today" : $"{days} days left";
            sb.Append($"\n- {AgendaTime.FormatDate(d.Date)}: {Capitalise(d.For)}{(meeting is null ? "" : $" ({meeting.Title})")} — {status}");
        }
        return Found(sb.ToString(), deadlines.Select(d => d.Provenance));
    }

    /// <summary>Days from today to the deadline, counted in the meeting's time zone (a deadline day ends at midnight there).</summary>
    private int DaysUntil(Deadline d, Meeting? meeting)
    {
        var today = DateOnly.FromDateTime(AgendaTime.ToLocal(now, meeting?.TimeZone ?? "UTC"));
        return d.Date.DayNumber - today.DayNumber;
    }

    private Meeting? MeetingOf(Deadline d) => d.MeetingId is null ? null : agenda.FindMeeting(d.MeetingId);

    // ---- time-based questions ----------------------------------------------------------------------------------

    private Answer WhatsOnAnswer(string q)
    {
        var time = q.Contains("now") ? null : TimeExpressions.FindSingle(q);
        var date = DateIn(q);
        var relativeDay = q.Contains("tomorrow") ? 1 : q.Contains("today") || q.Contains("now") || time is not null ? 0 : (int?)null;
        if (date is null && relativeDay is null && time is null && !q.Contains("now")) return NextAnswer();

        var hits = new List<(Meeting M, Session S)>();
        var dayList = new List<(Meeting M, Session S)>();
        var blocks = new List<(Meeting M, MeetingHours H, DateOnly Day)>();
        var allDay = new List<Meeting>();
        foreach (var m in agenda.Meetings)
        {
            var local = AgendaTime.ToLocal(now, m.TimeZone);
            var day = date ?? DateOnly.FromDateTime(local).AddDays(relativeDay ?? 0);
            var at = q.Contains("now") ? TimeOnly.FromDateTime(local) : time;
            foreach (var s in m.Sessions.Where(s => m.DayOf(s) == day && s.Start is not null))
            {
                dayList.Add((m, s));
                if (at is { } t && s.Start <= t && (s.End is { } e ? t < e : s.Start == t)) hits.Add((m, s));
            }
            if (m.Sessions.All(s => s.Start is null) && InMeeting(m, day))
            {
                foreach (var h in m.Hours.Where(h => h.Date is null || h.Date == day))
                    if (at is null || (h.Start <= at && at < h.End)) blocks.Add((m, h, day));
                if (m.Hours.Count == 0 && at is null) allDay.Add(m); // days known, hours not: the whole day
            }
        }

        var when = (time is { } tt ? $"at {AgendaTime.FormatTime(tt)} " : q.Contains("now") ? "now " : "") + (date is { } dd ? $"on {AgendaTime.FormatDate(dd)}" : relativeDay == 1 ? "tomorrow" : "today");
        if (time is null && !q.Contains("now"))
        {
            if (dayList.Count == 0 && blocks.Count == 0 && allDay.Count == 0) return NotFound($"Nothing is on the agenda {when}." + NearestHint(date));
            var text = new StringBuilder($"On the agenda {when}:");
            foreach (var (m, s) in dayList.OrderBy(x => x.M.StartOf(x.S))) text.Append("\n- ").Append(SessionLine(m, s, withDate: false));
            foreach (var (m, h, _) in blocks) text.Append($"\n- {m.Title}: {AgendaTime.FormatTimes(h.Start, h.End)}{Where(m, null)}");
            foreach (var m in allDay) text.Append($"\n- {m.Title} ({m.DatesText}{Where(m, null)}; hours not given)");
            return Found(text.ToString(), dayList.SelectMany(x => SessionSources(x.M, x.S)).Concat(blocks.SelectMany(b => MeetingSources(b.M, AgendaFields.Hours)))
                .Concat(allDay.SelectMany(m => MeetingSources(m, AgendaFields.Dates, AgendaFields.Venue))));
        }
        if (hits.Count == 0 && blocks.Count == 0)
        {
            var around = dayList.OrderBy(x => x.S.Start).ToList();
            var before = around.LastOrDefault(x => x.S.Start < time);
            var after = around.FirstOrDefault(x => x.S.Start > time);
            var sb = new StringBuilder($"Nothing is scheduled {when}.");
            if (before.S is not null) sb.Append($" Before: {SessionLine(before.M!, before.S, false)}.");
            if (after.S is not null) sb.Append($" Next: {SessionLine(after.M!, after.S, false)}.");
            if (around.Count == 0) sb.Append(NearestHint(date));
            var cites = new[] { before, after }.Where(x => x.S is not null).SelectMany(x => SessionSources(x.M, x.S)).ToList();
            return cites.Count > 0 ? Found(sb.ToString(), cites) : NotFound(sb.ToString());
        }
        var answer = new StringBuilder();
        foreach (var (m, s) in hits) answer.Append(answer.Length > 0 ? "\n" : "").Append($"{Capitalise(when)}: ").Append(SessionLine(m, s, withDate: date is null)).Append(Details(s));
        foreach (var (m, h, d) in blocks)
            answer.Append(answer.Length > 0 ? "\n" : "").Append($"{Capitalise(when)}: {m.Title} is in session ({AgendaTime.FormatTimes(h.Start, h.End)}){Where(m, null)}.");
        return Found(answer.ToString(), hits.SelectMany(x => SessionSources(x.M, x.S)).Concat(blocks.SelectMany(b => MeetingSources(b.M, AgendaFields.Hours, AgendaFields.Room))));
    }

    private static bool InMeeting(Meeting m, DateOnly day) => m.StartDate is { } s && day >= s && day <= (m.EndDate ?? s);

    private Answer NextAnswer()
    {
        var timed = agenda.Meetings.SelectMany(m => m.Sessions.Where(s => s.Kind == SessionKind.Session).Select(s => (M: m, S: s, Start: m.StartOf(s), End: m.EndOf(s))))
            .Where(x => x.Start is not null).ToList();
        var current = timed.Where(x => x.Start <= now && (x.End ?? x.Start) > now).ToList();
        var next = timed.Where(x => x.Start > now).OrderBy(x => x.Start).FirstOrDefault();
        var sb = new StringBuilder(rehearsal ? $"(Rehearsal clock: {Clock(next.M ?? current.FirstOrDefault().M)}.)\n" : "");
        foreach (var c in current) sb.Append($"Now: {SessionLine(c.M, c.S, false)} (until {AgendaTime.FormatTime(c.S.End!.Value)}).\n");
        var cites = current.SelectMany(c => SessionSources(c.M, c.S)).ToList();
        if (next.S is not null)
        {
            sb.Append($"Next: {SessionLine(next.M!, next.S, true)}, in {Span(next.Start!.Value - now)}.").Append(Details(next.S));
            cites.AddRange(SessionSources(next.M!, next.S));
            return Found(sb.ToString(), cites);
        }
        var upcoming = agenda.Meetings.Where(m => m.StartDate is { } d && AgendaTime.ToInstant(d, new TimeOnly(0, 0), m.TimeZone) > now).OrderBy(m => m.StartDate).FirstOrDefault();
        if (upcoming is not null)
        {
            sb.Append($"Next: {upcoming.Title}, {upcoming.DatesText}{Where(upcoming, null)}.");
            return Found(sb.ToString(), cites.Concat(MeetingSources(upcoming, AgendaFields.Dates, AgendaFields.Venue)));
        }
        var last = timed.Where(x => x.Start <= now).OrderBy(x => x.Start).LastOrDefault();
        if (current.Count > 0) return Found(sb.Append("Nothing follows it on the agenda.").ToString(), cites);
        if (last.S is null) return NotFound("Nothing on the agenda is still to come.");
        sb.Append($"Nothing on the agenda is still to come; the last session was {SessionLine(last.M, last.S, true)}.");
        return Found(sb.ToString(), SessionSources(last.M, last.S));
    }

    private Answer? NeighbourAnswer(string reference, int direction)
    {
        if (FindSession(reference) is not { } found) return null;
        var (m, s) = found;
        var ordered = m.Sessions.Where(x => x.Start is not null && x.Kind == SessionKind.Session).OrderBy(x => m.StartOf(x) ?? DateTimeOffset.MaxValue).ToList();
        var i = ordered.IndexOf(s);
        if (i < 0)
        {
            ordered = m.Sessions.Where(x => x.Kind == SessionKind.Session).ToList();
            i = ordered.IndexOf(s);
        }
        var j = i + direction;
        if (j < 0 || j >= ordered.Count)
            return Found($"{s.Title} is the {(direction > 0 ? "last" : "first")} item of {m.Title}.", SessionSources(m, s));
        var other = ordered[j];
        var text = $"{(direction > 0 ? "After" : "Before")} {Short(s.Title)}: {SessionLine(m, other, false)}.{Details(other)}";
        return Found(text, SessionSources(m, other).Concat([s.Provenance]));
    }

    // ---- details of a session or meeting -------------------------------------------------------------------------

    private Answer? DetailAnswer(string kind, string reference)
    {
        if (FindSession(reference) is { } found)
        {
            var (m, s) = found;
            switch (kind)
            {
                case "chairs" or "chair" or "moderates" or "moderator":
                    return s.Chair is null ? null : Found($"{s.Chair} chairs {Short(s.Title)}.", [s.SourceOf(AgendaFields.Chair)]);
                case "panelists" or "panellists" or "speakers" or "speaks at" or "speaking at" or "on":
                    var people = s.Panelists.Concat(s.Speakers).ToList();
                    if (people.Count == 0) return null;
                    return Found($"{Short(s.Title)}:" + string.Concat(people.Select(p => "\n- " + p)), [s.SourceOf(AgendaFields.Panelists), s.SourceOf(AgendaFields.Speakers)]);
                case "key questions" or "questions":
                    if (s.KeyQuestions.Count == 0) return null;
                    return Found($"Key questions for {Short(s.Title)}:" + string.Concat(s.KeyQuestions.Select((k, i) => $"\n{i + 1}. {k}")), [s.SourceOf(AgendaFields.KeyQuestions)]);
                default: // when / where / what time
                    return Found(SessionLine(m, s, true) + ".", SessionSources(m, s));
            }
        }
        // A meeting's plain when/where is left to the document search, which answers with the fact and the
        // sentence it stands in; only "what time" needs the agenda's hours.
        if (kind is "what time" && FindMeeting(reference) is { } meeting)
        {
            var text = $"{meeting.Title}: {meeting.DatesText}{Where(meeting, null)}" +
                (meeting.Hours.Count > 0 ? ", " + string.Join(" and ", meeting.Hours.Select(h => AgendaTime.FormatTimes(h.Start, h.End))) + $" ({meeting.TimeZone})" : "") + ".";
            return Found(text, MeetingSources(meeting, AgendaFields.Dates, AgendaFields.Venue, AgendaFields.Room, AgendaFields.Hours));
        }
        return null;
    }

    private (Meeting, Session)? FindSession(string reference)
    {
        var wanted = RefTokens(reference);
        if (wanted.Count == 0) return null;
        var candidates = agenda.Meetings.SelectMany(m => m.Sessions.Select(s => (M: m, S: s)))
            .Select(x => (x.M, x.S, Score: Coverage(wanted, SessionTokens.GetValue(x.S, y => RefTokens(y.Title + " " + y.Id)))))
            .Where(x => x.Score >= 0.99).ToList();
        if (candidates.Count == 0) return null;
        // Several meetings with a "Panel one": take the one nearest to now.
        var best = candidates.OrderBy(x => Math.Abs(((x.M.StartOf(x.S) ?? now) - now).TotalDays)).ThenBy(x => RefTokens(x.S.Title).Count).First();
        return (best.M, best.S);
    }

    private Meeting? FindMeeting(string reference)
    {
        // Every word of the question's reference should be in the meeting's title, place or year ("the Global Forum in Manila").
        var wanted = MeetingNames.Tokens(reference);
        if (wanted.Count == 0) return null;
        var scored = agenda.Meetings
            .Select(m => (m, Score: (double)wanted.Count(MeetingTokens.GetValue(m, x => MeetingNames.Tokens($"{x.Title} {x.Place} {x.Year}")).Contains) / wanted.Count))
            .Where(x => x.Score >= 0.75).OrderByDescending(x => x.Score).ThenBy(x => x.m.Title.Length).ToList();
        return scored.Count == 0 ? null : scored[0].m;
    }

    private static readonly Dictionary<string, string> NumberWords = new()
    {
        ["1"] = "one", ["i"] = "one", ["first"] = "one", ["2"] = "two", ["ii"] = "two", ["second"] = "two", ["3"] = "three", ["iii"] = "three",
        ["third"] = "three", ["4"] = "four", ["iv"] = "four", ["fourth"] = "four", ["5"] = "five", ["v"] = "five", ["fifth"] = "five",
        ["6"] = "six", ["vi"] = "six", ["sixth"] = "six",
    };
    private static readonly HashSet<string> RefStop = ["the", "a", "an", "of", "on", "for", "and", "to", "in", "at", "is", "session", "item", "programme", "program", "speaks", "who", "what", "comes"];

    // The words of every session and meeting name, computed once per agenda generation rather than for every question
    // (the agenda's records are immutable and a rebuild makes new ones, so the caches follow them and never go stale).
    private static readonly ConditionalWeakTable<Session, HashSet<string>> SessionTokens = new();
    private static readonly ConditionalWeakTable<Meeting, HashSet<string>> MeetingTokens = new();
    private static readonly ConditionalWeakTable<Meeting, HashSet<string>> TitleTokens = new();

    private static HashSet<string> RefTokens(string text) =>
        Regex.Split(text.ToLowerInvariant(), @"[^\p{L}\d]+").Where(t => t.Length > 0 && !RefStop.Contains(t))
            .Select(t => NumberWords.GetValueOrDefault(t, t)).ToHashSet();

    private static double Coverage(HashSet<string> wanted, HashSet<string> have) => (double)wanted.Count(have.Contains) / wanted.Count;

    // ---- formatting --------------------------------------------------------------------------------------------

    private static string SessionLine(Meeting m, Session s, bool withDate)
    {
        var sb = new StringBuilder(s.Title);
        var day = m.DayOf(s);
        if (withDate && day is { } d) sb.Append($", {AgendaTime.FormatDate(d)}");
        if (s.Start is not null) sb.Append($", {AgendaTime.FormatTimes(s.Start, s.End)} ({m.TimeZone})");
        sb.Append(Where(m, s));
        if (s.Chair is not null) sb.Append($"; chair: {s.Chair.Name}");
        return sb.ToString();
    }

    private static string Where(Meeting m, Session? s)
    {
        var room = s?.Room ?? m.Room;
        var place = room is null ? m.Venue : m.Venue is null ? room : $"{room}, {m.Venue}";
        return place is null ? "" : $", {place}";
    }

    private static string Details(Session s)
    {
        var sb = new StringBuilder();
        var people = s.Panelists.Count > 0 ? s.Panelists : s.Speakers;
        if (people.Count > 0) sb.Append($"\n{(s.Panelists.Count > 0 ? "Panelists" : "Speakers")}: {string.Join("; ", people.Select(p => p.ToString()))}");
        if (s.KeyQuestions.Count > 0) sb.Append("\nKey questions:" + string.Concat(s.KeyQuestions.Select((k, i) => $"\n{i + 1}. {k}")));
        return sb.ToString();
    }

    private string Clock(Meeting? m)
    {
        var zone = m?.TimeZone ?? "UTC";
        return $"it is {AgendaTime.ToLocal(now, zone).ToString("dddd d MMMM yyyy HH:mm", En)} in {zone}";
    }

    private static string Span(TimeSpan t) =>
        t.TotalDays >= 2 ? $"{(int)t.TotalDays} days" : t.TotalHours >= 1 ? $"{(int)t.TotalHours} h {t.Minutes} min" : $"{Math.Max(1, (int)Math.Ceiling(t.TotalMinutes))} min";

    private static string Short(string title) => title.Contains(':') && title.IndexOf(':') < 30 ? title[..title.IndexOf(':')] : title;

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private string NearestHint(DateOnly? asked)
    {
        var days = agenda.Meetings.SelectMany(m => m.Sessions.Select(m.DayOf)).Where(d => d is not null).Select(d => d!.Value).Distinct().OrderBy(d => d).ToList();
        if (days.Count == 0) return "";
        var reference = asked ?? DateOnly.FromDateTime(now.UtcDateTime);
        var nearest = days.OrderBy(d => Math.Abs(d.DayNumber - reference.DayNumber)).First();
        return $" The nearest day with sessions is {AgendaTime.FormatDate(nearest)}.";
    }

    private static IEnumerable<Provenance> SessionSources(Meeting m, Session s) =>
        [s.SourceOf(AgendaFields.Time), s.Provenance, s.Room is null ? m.SourceOf(AgendaFields.Room) : s.SourceOf(AgendaFields.Room)];

    private static IEnumerable<Provenance> MeetingSources(Meeting m, params string[] fields) => fields.Select(m.SourceOf);

    private DateOnly? DateIn(string q)
    {
        var match = DateExpressions.Find(MonthCase().Replace(q, x => Capitalise(x.Value)), bareYears: false).FirstOrDefault(d => d.HasDay);
        if (match is null) return null;
        if (match.Start is { } full) return full;
        // No year: the agenda day with that day and month nearest to now.
        var days = agenda.Meetings.SelectMany(m => m.Sessions.Select(m.DayOf).Append(m.StartDate)).Where(d => d is { } x && x.Month == match.Month && x.Day == match.Day)
            .Select(d => d!.Value).Distinct().ToList();
        if (days.Count > 0) return days.OrderBy(d => Math.Abs(d.DayNumber - DateOnly.FromDateTime(now.UtcDateTime).DayNumber)).First();
        var year = now.Year;
        return DateOnly.FromDateTime(new DateTime(year, match.Month!.Value, Math.Min(match.Day!.Value, DateTime.DaysInMonth(year, match.Month!.Value))));
    }

    // ---- answers -----------------------------------------------------------------------------------------------

    private Answer Found(string text, IEnumerable<Provenance?> sources)
    {
        var list = sources.Where(p => p is not null).Select(p => p!).DistinctBy(p => (p.Source, p.Location)).ToList();
        if (list.Any(p => p.Kind == ProvenanceKind.Corrected))
            text += $"\n(Includes the organiser's corrections from {list.First(p => p.Kind == ProvenanceKind.Corrected).Source}.)";
        var citations = list.Select(p => new Citation(p.Document, p.Location, p.Excerpt ?? "") { Source = p.Source }).ToList();
        return new Answer(_question, true, text, citations, []);
    }

    private Answer NotFound(string text) =>
        new(_question, false, text, [], agenda.Meetings.Where(m => m.Sessions.Count > 0).Select(m => m.Title).Take(3).ToList());

    private static string Normalise(string question)
    {
        var q = question.Trim().ToLowerInvariant().Replace('’', '\'');
        q = Regex.Replace(q, @"\bwhat's\b", "what is");
        q = Regex.Replace(q, @"\bwho's\b", "who is");
        q = Regex.Replace(q, @"\bwhen's\b", "when is");
        q = Regex.Replace(q, @"\bwhere's\b", "where is");
        return q.TrimEnd('?', '.', '!', ' ');
    }

    [GeneratedRegex(@"\b(register|registration|sign up|enrol|enroll|nomination form)\b")] private static partial Regex Registration();
    [GeneratedRegex(@"\b(?:desk|counter|badges?|opens?|starts?|begins?)\b")] private static partial Regex RegistrationDesk();
    [GeneratedRegex(@"\b(how many days|how long|days left|days remain|until|left to|still|can i|closes?|closed|open)\b")] private static partial Regex DaysLeft();
    [GeneratedRegex(@"\b(?<dir>after|following|before)\s+(?<ref>(?!lunch\b|the break\b)[\w\s:'-]{2,80})$")] private static partial Regex AfterBefore();
    [GeneratedRegex(@"\bwhat is next$|\bnext session\b|\bwhat comes next\b|\bcoming up\b|\bup next\b|\bwhat is coming\b|^next$|\bnext on the agenda\b")] private static partial Regex Next();
    [GeneratedRegex(@"\bwhat is (on|happening|scheduled|taking place|going on|planned)\b|\bwhat session\b|\bwhich session\b|\bon the agenda (at|on|today|tomorrow)\b|\bschedule for (today|tomorrow)\b")] private static partial Regex WhatsOn();
    [GeneratedRegex(@"^(?:who\s+(?<kind>chairs|moderates)\s+(?<ref>.+)|who\s+is\s+(?:the\s+)?(?<kind>chair|moderator)\s+(?:of|for)\s+(?<ref>.+)|who\s+(?:are|is)\s+(?:the\s+)?(?<kind>panelists|panellists|speakers)\s+(?:of|for|in|at|on)\s+(?<ref>.+)|who\s+(?:is\s+)?(?<kind>speaking at|speaks at|on)\s+(?<ref>.+)|what\s+are\s+the\s+(?<kind>key questions|questions)\s+(?:of|for|in|at)\s+(?<ref>.+)|(?<kind>when|where)\s+(?:is|was|will be|does)\s+(?<ref>.+?)(?:\s+(?:start|begin|take place|held|be held|happen))?|(?<kind>what time)\s+(?:is|does)\s+(?<ref>.+?)(?:\s+(?:start|begin))?)$")]
    private static partial Regex Detail();
    [GeneratedRegex(@"\bdeadlines\b|\b(list|all|every|any)\b.*\bdeadline\b")] private static partial Regex DeadlineList();
    [GeneratedRegex(@"\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b")] private static partial Regex MonthCase();
}
