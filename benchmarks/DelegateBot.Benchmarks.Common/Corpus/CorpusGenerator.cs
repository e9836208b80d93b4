using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DelegateBot.Benchmarks.Corpus;

/// <param name="Passages">How many passages to aim for (about one per paragraph; the index reports the exact count).</param>
/// <param name="Seed">The random seed: the same seed and sources give byte-identical documents.</param>
public sealed record CorpusSpec(int Passages, int Seed = CorpusSpec.DefaultSeed)
{
    public const int DefaultSeed = 20260517;
}

/// <summary>A synthetic knowledge folder on disk and the questions that fit it.</summary>
public sealed record GeneratedCorpus(string Folder, int Documents, long Bytes, int PlannedPassages, IReadOnlyList<BenchQuestion> Questions);

/// <summary>
/// Makes a knowledge folder of a chosen size from realistic text: paragraphs and sentences of the shared corpus
/// and the seeds, recombined into reports and meeting notes (numbered paragraphs, dates and venues, registration
/// deadlines, programmes with chairs and panelists) with varied names, places, numbers and dates, so the index is
/// not trivially repetitive. Deterministic for a seed. Also plants the facts its questions ask about.
/// </summary>
public static partial class CorpusGenerator
{
    /// <summary>About ten passages a document: 100k passages is ten thousand documents.</summary>
    private const int MinParagraphs = 3, MaxParagraphs = 15;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The corpus for a spec, generated under the cache folder (a temp folder by default) unless already there.</summary>
    public static GeneratedCorpus Ensure(CorpusSpec spec, string? cacheRoot = null, SourceText? source = null)
    {
        source ??= SourceText.LoadDefault();
        cacheRoot ??= Path.Combine(Path.GetTempPath(), "delegatebot-bench");
        var folder = Path.Combine(cacheRoot, $"corpus-p{spec.Passages}-s{spec.Seed}-{source.Hash}");
        var manifest = Path.Combine(folder, "manifest.json");
        if (File.Exists(manifest))
            return JsonSerializer.Deserialize<GeneratedCorpus>(File.ReadAllText(manifest), Json)! with { Folder = Path.Combine(folder, "docs") };

        var staging = folder + ".tmp-" + Environment.ProcessId;
        if (Directory.Exists(staging)) Directory.Delete(staging, true);
        var docs = Path.Combine(staging, "docs");
        var questions = new List<BenchQuestion>();
        int count = 0, paragraphs = 0;
        long bytes = 0;
        foreach (var doc in Documents(source, spec, questions))
        {
            var path = Path.Combine(docs, doc.Name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var data = Encoding.UTF8.GetBytes(doc.Text);
            File.WriteAllBytes(path, data);
            bytes += data.Length;
            paragraphs += doc.Paragraphs;
            count++;
        }
        var result = new GeneratedCorpus(Path.Combine(folder, "docs"), count, bytes, paragraphs, questions);
        File.WriteAllText(Path.Combine(staging, "manifest.json"), JsonSerializer.Serialize(result, Json));
        try { Directory.Move(staging, folder); }
        catch (IOException) when (File.Exists(manifest)) { Directory.Delete(staging, true); } // another run made it meanwhile
        return result;
    }

    /// <summary>The documents of a corpus, in order; <paramref name="questions"/> receives the mix that fits them.</summary>
    public static IEnumerable<(string Name, string Text, int Paragraphs)> Documents(SourceText source, CorpusSpec spec, List<BenchQuestion> questions)
    {
        var rng = new Random(spec.Seed);
        var planned = 0;
        var meetings = new List<MeetingFacts>();
        for (var i = 0; planned < spec.Passages; i++)
        {
            var budget = Math.Min(rng.Next(MinParagraphs, MaxParagraphs + 1), spec.Passages - planned + MinParagraphs);
            var isMeeting = rng.NextDouble() < 0.35;
            var doc = isMeeting ? MeetingNote(rng, source, budget, out var facts) : Report(rng, source, budget, out facts);
            if (facts is not null) meetings.Add(facts);
            planned += doc.Paragraphs;
            yield return ($"part-{i / 1000:D3}/{i:D6}-{Slug(doc.Title)}.txt", doc.Text, doc.Paragraphs);
        }
        questions.AddRange(Questions(meetings));
    }

    /// <summary>Up to 40 fact questions spread over the corpus, then topical questions and misses.</summary>
    private static IEnumerable<BenchQuestion> Questions(List<MeetingFacts> meetings)
    {
        var step = Math.Max(1, meetings.Count / 40);
        for (int m = 0, k = 0; m < meetings.Count && k < 40; m += step, k++)
        {
            var f = meetings[m];
            yield return (k % 6) switch
            {
                0 => new BenchQuestion($"When is the {f.Name} in {f.City}?", "when"),
                1 => new BenchQuestion($"Who chairs panel {Vocabulary.Ordinals[f.PanelAsked]} of the {f.Name} {f.Year}?", "who-chairs"),
                2 => new BenchQuestion($"What is the registration deadline for the {f.Name} in {f.City}?", "deadline"),
                3 => new BenchQuestion($"Where will the {f.Name} {f.Year} be held?", "where"),
                4 => new BenchQuestion($"In which room is the {f.Name} in {f.City}?", "room"),
                _ => new BenchQuestion($"Who are the panelists of panel {Vocabulary.Ordinals[f.PanelAsked]} at the {f.Name} in {f.City}?", "list"),
            };
        }
        foreach (var q in QuestionMix.Topical) yield return q;
        foreach (var q in QuestionMix.Misses) yield return q;
    }

    private sealed record MeetingFacts(string Name, string City, int Year, int PanelAsked);

    private sealed record Doc(string Title, string Text, int Paragraphs);

    private static Doc Report(Random rng, SourceText source, int budget, out MeetingFacts? facts)
    {
        facts = null;
        var year = 2010 + rng.Next(10);
        var organiser = Pick(rng, Vocabulary.Organisers);
        var topic = Pick(rng, Vocabulary.Topics);
        var symbol = $"A/{64 + year - 2010}/{rng.Next(100, 999)}";
        var title = rng.Next(3) switch
        {
            0 => $"Report of the Secretary-General: {topic} ({symbol})",
            1 => $"{organiser}: note on {topic.ToLowerInvariant()}",
            _ => $"Summary of the {Pick(rng, Vocabulary.MeetingKinds)} on {topic}",
        };
        var sb = new StringBuilder();
        sb.Append(title).Append("\n\n");
        sb.Append("Distr.: General ").Append(Date(rng, year)).Append("\n\nOriginal: English\n\n");
        var n = 0;
        var sections = rng.Next(1, 4);
        for (var s = 0; s < sections && n < budget; s++)
        {
            sb.Append(Pick(rng, Vocabulary.Sections)).Append("\n\n");
            var inSection = s == sections - 1 ? budget - n : Math.Max(1, budget / sections);
            for (var p = 0; p < inSection && n < budget; p++)
                sb.Append(++n).Append(". ").Append(Prose(rng, source, year)).Append("\n\n");
        }
        return new Doc(title, sb.ToString(), n + 1);
    }

    /// <summary>An information note: background, date and venue, registration, a programme with chairs and panelists.</summary>
    private static Doc MeetingNote(Random rng, SourceText source, int budget, out MeetingFacts? facts)
    {
        var year = 2010 + rng.Next(10);
        var name = $"{Pick(rng, Vocabulary.MeetingKinds)} on {Pick(rng, Vocabulary.Topics)}";
        var city = Pick(rng, Vocabulary.Cities);
        var month = rng.Next(12);
        var day = rng.Next(1, 27);
        var dates = $"{day} and {day + 1} {Vocabulary.Months[month]} {year}";
        var deadlineMonth = month == 0 ? 11 : month - 1;
        var deadline = $"{rng.Next(1, 29)} {Vocabulary.Months[deadlineMonth]} {(month == 0 ? year - 1 : year)}";
        var panels = rng.Next(2, 5);
        facts = new MeetingFacts(name, city, year, rng.Next(panels));
        var organiser = Pick(rng, Vocabulary.Organisers);

        var sb = new StringBuilder();
        var title = $"{name}, {city}, {year}";
        sb.Append(organiser).Append("\n\n").Append(title).Append("\n\nInformation Note\n\n");
        sb.Append(city).Append(", ").Append(Date(rng, year)).Append("\n\nBackground\n\n");
        var prose = Math.Max(1, budget - 3 - panels);
        for (var p = 0; p < prose; p++) sb.Append(Prose(rng, source, year)).Append("\n\n");
        sb.Append("Date and venue\n\n");
        sb.Append($"The {name} will be held in {Pick(rng, Vocabulary.Rooms)}, {Pick(rng, Vocabulary.Venues)}, {city}, on {dates}. ");
        sb.Append($"It is organized by the {organiser} with the support of the Government of {Pick(rng, Countries)}.\n\n");
        sb.Append("Registration\n\n");
        sb.Append($"Delegations are requested to send the nomination form to the secretariat of the {organiser} in {Pick(rng, Vocabulary.Cities)} by {deadline}.\n\n");
        sb.Append($"Registration deadline: {deadline}\n\nProgramme\n\n");
        var hour = 9 + rng.Next(2);
        for (var k = 0; k < panels; k++)
        {
            var start = hour + k * 2;
            sb.Append($"{start:D2}:00 – {start + 1:D2}:30 Panel {Vocabulary.Ordinals[k]}: {Pick(rng, Vocabulary.Topics)}\n\n");
            sb.Append($"Chair: {Person(rng)}, {Pick(rng, Vocabulary.Roles)}\n\nPanelists:\n\n");
            for (var m = rng.Next(2, 5); m > 0; m--) sb.Append($"- {Person(rng)}, {Pick(rng, Vocabulary.Roles)}\n");
            sb.Append('\n');
        }
        return new Doc(title, sb.ToString(), prose + 4 + panels);
    }

    private static readonly string[] Countries =
    [
        "Morocco", "the Philippines", "Mexico", "Senegal", "Sweden", "Ecuador", "Bangladesh", "Ghana", "Switzerland", "Kenya",
        "Sri Lanka", "Portugal", "Nepal", "Jordan", "Colombia", "Fiji",
    ];

    /// <summary>A paragraph of the sources, or a mosaic of their sentences; then names, places, numbers and dates varied.</summary>
    private static string Prose(Random rng, SourceText source, int year)
    {
        string text;
        if (rng.NextDouble() < 0.5 || source.Sentences.Count == 0) text = Pick(rng, source.Paragraphs);
        else text = string.Join(' ', Enumerable.Range(0, rng.Next(2, 6)).Select(_ => Pick(rng, source.Sentences)));
        text = Year().Replace(text, _ => (year - rng.Next(0, 4)).ToString(CultureInfo.InvariantCulture));
        text = Number().Replace(text, m => Vary(rng, m.Value));
        text = CityName().Replace(text, _ => Pick(rng, Vocabulary.Cities));
        text = MonthName().Replace(text, _ => Pick(rng, Vocabulary.Months));
        if (rng.NextDouble() < 0.15 && text.Length > 1)
            text = $"{Person(rng)}, {Pick(rng, Vocabulary.Roles)}, said that {char.ToLowerInvariant(text[0])}{text[1..]}";
        return text;
    }

    private static string Vary(Random rng, string number)
    {
        if (!long.TryParse(number.Replace(",", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 2) return number;
        var varied = Math.Max(2, (long)(value * (0.5 + rng.NextDouble())));
        return number.Contains(',') ? varied.ToString("N0", CultureInfo.InvariantCulture) : varied.ToString(CultureInfo.InvariantCulture);
    }

    private static string Person(Random rng) =>
        $"{Pick(rng, Vocabulary.Honorifics)} {Pick(rng, Vocabulary.FirstNames)} {Pick(rng, Vocabulary.Surnames)}";

    private static string Date(Random rng, int year) => $"{rng.Next(1, 29)} {Pick(rng, Vocabulary.Months)} {year}";

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static string Slug(string title)
    {
        var slug = NonWord().Replace(title.ToLowerInvariant(), "-").Trim('-');
        return slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }

    [GeneratedRegex(@"\b(?:19[5-9]\d|20[0-2]\d)\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"(?<![\d/.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d/.,])(?!(?:19|20)\d\d\b)\d{2,4}(?![\d/])")]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(?:Geneva|New York|Manila|Brussels|Rabat|Vienna|Dakar|Bangkok|Marrakesh|Palermo|Istanbul)\b")]
    private static partial Regex CityName();

    [GeneratedRegex(@"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")]
    private static partial Regex MonthName();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonWord();
}
