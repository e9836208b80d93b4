namespace DelegateBot.Core.Agenda.Extraction;

/// <summary>
/// Groups the drafts of all documents into events: a draft joins the first event (in order of creation) whose every
/// draft is compatible with it (ordinal, dates, place), one of whose drafts has its name, and, for an undated draft,
/// one of whose drafts comes from its document; otherwise it starts an event.
/// The drafts of an event share one year, so a dated draft is tested only against events of its year indexed
/// under one of its names' rarest words (<see cref="NameWords.Prefix"/>), and an undated one against the events of
/// its document: the same first event as testing every event, at a cost that grows with the folder, not its square.
/// </summary>
internal sealed class EventClusters(Places places, NameWords words)
{
    private readonly List<Event> _events = [];
    // Events by (dated, year, rarest word of one of their names); events without a date yet are under (false, null).
    private readonly Dictionary<(bool Dated, int? Year, string Word), List<int>> _byWord = [];
    private readonly Dictionary<string, List<int>> _bySource = new(StringComparer.Ordinal);

    /// <summary>The events of <paramref name="drafts"/>, taken in the given order, each a list of its drafts.</summary>
    public List<List<MeetingDraft>> Group(IEnumerable<MeetingDraft> drafts)
    {
        var candidates = new List<int>();
        foreach (var d in drafts)
        {
            candidates.Clear();
            if (d.Date is { } date)
            {
                foreach (var name in d.Names)
                    foreach (var word in words.Prefix(name))
                    {
                        if (_byWord.TryGetValue((true, date.Year, word), out var dated)) candidates.AddRange(dated);
                        if (_byWord.TryGetValue((false, null, word), out var undated)) candidates.AddRange(undated);
                    }
            }
            // An undated mention only joins an event of its own document: across documents a bare name is too weak a link.
            else if (_bySource.TryGetValue(d.Source, out var own)) candidates.AddRange(own);
            candidates.Sort();

            var index = -1;
            for (var k = 0; k < candidates.Count; k++)
            {
                if (k > 0 && candidates[k] == candidates[k - 1]) continue;
                if (_events[candidates[k]].Accepts(d, places, words))
                {
                    index = candidates[k];
                    break;
                }
            }
            if (index < 0)
            {
                _events.Add(new Event());
                index = _events.Count - 1;
            }
            Add(index, d);
        }
        return _events.Select(e => e.Drafts).ToList();
    }

    private void Add(int index, MeetingDraft d)
    {
        var e = _events[index];
        var becameDated = !e.Dated && d.Date is not null;
        e.Add(d);
        // An event's first date fixes its year; its names are then found under that year.
        foreach (var member in becameDated ? e.Drafts : [d])
            foreach (var name in member.Names)
                foreach (var word in words.Prefix(name))
                    Append(_byWord, (e.Dated, e.Year, word), index);
        Append(_bySource, d.Source, index);
    }

    private static void Append<TKey>(Dictionary<TKey, List<int>> index, TKey key, int value) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        if (list.Count == 0 || list[^1] != value) list.Add(value);
    }

    /// <summary>An event's drafts, and what the joining tests read of them without repeats (an event many documents
    /// mention is tested in a few steps, not one per draft).</summary>
    private sealed class Event
    {
        private readonly HashSet<int> _ordinals = [];
        private readonly Dictionary<(int?, int?, int?, int?, int?), DateMatch> _dates = [];
        private readonly HashSet<PlaceInfo> _places = [];
        private readonly HashSet<string> _sources = new(StringComparer.Ordinal);
        private readonly HashSet<(string Head, bool Series, string Name)> _names = [];
        private bool _hasUndated;

        public List<MeetingDraft> Drafts { get; } = [];

        /// <summary>Whether a draft of the event is dated; <see cref="Year"/> is then the year of its dates (they share one).</summary>
        public bool Dated { get; private set; }
        public int? Year { get; private set; }

        public void Add(MeetingDraft d)
        {
            Drafts.Add(d);
            if (d.Ordinal is { } o) _ordinals.Add(o);
            if (d.Date is { } date)
            {
                _dates.TryAdd((date.Year, date.Month, date.Day, date.EndMonth, date.EndDay), date);
                if (!Dated) (Dated, Year) = (true, date.Year);
            }
            else _hasUndated = true;
            if (d.Place is { } p) _places.Add(p);
            _sources.Add(d.Source);
            foreach (var name in d.Names) _names.Add((d.Head, d.IsSeriesMeeting, name));
        }

        /// <summary>Every draft compatible with <paramref name="d"/>, one with its name, and the same document for an undated one.</summary>
        public bool Accepts(MeetingDraft d, Places places, NameWords words)
        {
            if (d.Ordinal is { } o && (_ordinals.Count > 1 || _ordinals.Count == 1 && !_ordinals.Contains(o))) return false;
            if (d.Date is { } b)
            {
                foreach (var a in _dates.Values)
                    if (!DatesOverlap(a, b)) return false;
            }
            else if (_hasUndated || !_sources.Contains(d.Source)) return false; // two undated mentions of a series are the series
            if (d.Place is { } q)
                foreach (var p in _places)
                    if (!places.Compatible(p, q)) return false;
            foreach (var (head, series, name) in _names)
            {
                if (head != d.Head && !series && !d.IsSeriesMeeting) continue;
                var tokens = words.Tokens(name);
                foreach (var other in d.Names)
                    if (MeetingNames.SameEvent(tokens, words.Tokens(other))) return true;
            }
            return false;
        }

        private static bool DatesOverlap(DateMatch a, DateMatch b)
        {
            if (a.Year != b.Year) return false;
            if (a.Month is null || b.Month is null) return true;
            if (!a.HasDay || !b.HasDay)
                return a.Month == b.Month || (a.EndMonth ?? a.Month) == b.Month || (b.EndMonth ?? b.Month) == a.Month;
            return a.Start <= b.Last && b.Start <= a.Last;
        }
    }
}
