using DelegateBot.Core.Agenda;
using DelegateBot.Core.Agenda.Extraction;

namespace DelegateBot.Core.Tests.Agenda;

/// <summary>
/// Merging mentions across documents looks events up by year and rarest name words instead of comparing a mention
/// with every event; these tests hold it to the all-pairs rule it replaces.
/// </summary>
public class EventMergeIndexTests
{
    private static readonly string[] Vocabulary =
    [
        "Global", "Forum", "Migration", "Development", "Expert", "Group", "Meeting", "Migrant", "Health", "Regional",
        "Consultation", "Labour", "Seminar", "Partnerships", "Thematic", "Debate", "International", "Remittances",
        "Dialogue", "Climate", "Change", "Displacement", "High-Level", "Coordination", "Fifth", "on", "and", "of",
    ];
    private static readonly string[] Heads = ["forum", "meeting", "seminar", "debate"];
    private static readonly PlaceInfo[] PlaceList =
    [
        new("Brussels", "Europe/Brussels", "Belgium"), new("Belgium", "Europe/Brussels", null), new("Manila", "Asia/Manila", "Philippines"),
        new("Geneva", "Europe/Zurich", "Switzerland"), new("New York", "America/New_York", "United States"),
    ];

    [Fact]
    public void Names_of_one_event_always_share_one_of_their_rarest_words()
    {
        var names = RandomNames(new Random(7), 600);
        var words = new NameWords(names);
        var same = 0;
        for (var i = 0; i < names.Count; i++)
            for (var j = i + 1; j < names.Count; j++)
            {
                if (!MeetingNames.SameEvent(words.Tokens(names[i]), words.Tokens(names[j]))) continue;
                same++;
                Assert.True(words.Prefix(names[i]).Intersect(words.Prefix(names[j])).Any(), $"'{names[i]}' and '{names[j]}' share no rarest word");
            }
        Assert.True(same > 500, $"only {same} pairs of the same event: the test would prove little");
        // The index is selective: long names are looked up under a third of their words, not all of them.
        Assert.All(names.Where(n => words.Tokens(n).Count >= 6), n => Assert.True(words.Prefix(n).Length <= words.Tokens(n).Count / 2 + 1));
    }

    [Fact]
    public void Indexed_merge_groups_as_comparing_every_event()
    {
        var drafts = RandomDrafts(new Random(11), 900);
        var ordered = drafts.OrderByDescending(d => d.Date?.Precision ?? -1).ThenByDescending(d => d.Sessions.Count).ToList();
        var places = new Places();
        var words = new NameWords(drafts.SelectMany(d => d.Names.Prepend(d.Name)));

        var indexed = new EventClusters(places, words).Group(ordered);
        var reference = AllPairs(ordered, places);

        Assert.True(reference.Count(c => c.Count > 1) > 30, "too few merges for the comparison to mean much");
        Assert.Equal(reference.Count, indexed.Count);
        for (var i = 0; i < reference.Count; i++) Assert.Equal(reference[i], indexed[i]);
    }

    [Fact]
    public void Seeds_and_shared_corpus_merge_as_comparing_every_event()
    {
        var places = new Places();
        var documents = AgendaTestData.SeedDocuments().Append(AgendaTestData.CorpusDocument("ipu_migration_meetings_2018_programmes.txt"))
            .Append(AgendaTestData.CorpusDocument("gcm_objectives_1-19_actions.txt"));
        var drafts = documents.SelectMany(d => new DocumentExtractor(d, places).Extract().Meetings).ToList();
        var ordered = drafts.OrderByDescending(d => d.Date?.Precision ?? -1).ThenByDescending(d => d.Sessions.Count).ToList();
        var words = new NameWords(drafts.SelectMany(d => d.Names.Prepend(d.Name)));

        var indexed = new EventClusters(places, words).Group(ordered);
        var reference = AllPairs(ordered, places);

        Assert.Contains(reference, c => c.Select(d => d.Source).Distinct().Count() > 1); // documents do meet
        Assert.Equal(reference.Count, indexed.Count);
        for (var i = 0; i < reference.Count; i++) Assert.Equal(reference[i], indexed[i]);
    }

    /// <summary>The rule as first written: each mention tested against every event found so far, in order.</summary>
    private static List<List<MeetingDraft>> AllPairs(List<MeetingDraft> ordered, Places places)
    {
        bool Compatible(MeetingDraft a, MeetingDraft b)
        {
            if (a.Ordinal is not null && b.Ordinal is not null && a.Ordinal != b.Ordinal) return false;
            if (a.Date is { } x && b.Date is { } y && !Overlap(x, y)) return false;
            if (a.Place is { } p && b.Place is { } q && !places.Compatible(p, q)) return false;
            return a.Date is not null || b.Date is not null;
        }
        static bool Overlap(DateMatch a, DateMatch b) =>
            a.Year == b.Year && (a.Month is null || b.Month is null
                || (!a.HasDay || !b.HasDay
                    ? a.Month == b.Month || (a.EndMonth ?? a.Month) == b.Month || (b.EndMonth ?? b.Month) == a.Month
                    : a.Start <= b.Last && b.Start <= a.Last));
        static bool SameName(MeetingDraft a, MeetingDraft b) =>
            (a.Head == b.Head || a.IsSeriesMeeting || b.IsSeriesMeeting) && a.Names.Any(x => b.Names.Any(y => MeetingNames.SameEvent(x, y)));

        var clusters = new List<List<MeetingDraft>>();
        foreach (var d in ordered)
        {
            var c = clusters.FirstOrDefault(c => c.All(x => Compatible(x, d)) && c.Any(x => SameName(x, d)) && (d.Date is not null || c.Any(x => x.Source == d.Source)));
            if (c is null) clusters.Add([d]);
            else c.Add(d);
        }
        return clusters;
    }

    private static List<string> RandomNames(Random rng, int count)
    {
        var names = new List<string>();
        while (names.Count < count)
        {
            // Variants of earlier names (a word more, a word less) make many pairs of the same event.
            if (names.Count > 0 && rng.Next(3) > 0)
            {
                var words = names[rng.Next(names.Count)].Split(' ').ToList();
                if (words.Count > 1 && rng.Next(2) == 0) words.RemoveAt(rng.Next(words.Count));
                else words.Insert(rng.Next(words.Count + 1), Vocabulary[rng.Next(Vocabulary.Length)]);
                names.Add(string.Join(' ', words));
            }
            else names.Add(string.Join(' ', Enumerable.Range(0, rng.Next(1, 9)).Select(_ => Vocabulary[rng.Next(Vocabulary.Length)])));
        }
        return names;
    }

    private static List<MeetingDraft> RandomDrafts(Random rng, int count)
    {
        var names = RandomNames(rng, 120);
        var drafts = new List<MeetingDraft>();
        for (var i = 0; i < count; i++)
        {
            var source = $"doc-{rng.Next(60)}.txt";
            var at = new Provenance(source, source, "line 1");
            var d = new MeetingDraft
            {
                Name = names[rng.Next(names.Count)], Head = Heads[rng.Next(Heads.Length)], FirstSeen = at, FirstLine = 1, Source = source,
                IsSeriesMeeting = rng.Next(8) == 0, Ordinal = rng.Next(6) == 0 ? rng.Next(1, 3) : null,
            };
            d.Names.Add(d.Name);
            if (rng.Next(3) == 0) d.Names.Add(names[rng.Next(names.Count)]);
            var year = 2007 + rng.Next(2);
            var month = 1 + rng.Next(3);
            var day = 1 + rng.Next(20);
            d.Date = rng.Next(5) switch
            {
                0 => null,
                1 => new DateMatch(0, 0, year, null, null),
                2 => new DateMatch(0, 0, year, month, null),
                _ => new DateMatch(0, 0, year, month, day, null, day + rng.Next(3)),
            };
            d.Place = rng.Next(3) == 0 ? null : PlaceList[rng.Next(PlaceList.Length)];
            drafts.Add(d);
        }
        return drafts;
    }
}
