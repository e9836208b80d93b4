using System.Text;
using DelegateBot.Core.Knowledge.Answering;
using DelegateBot.Core.Knowledge.Ingestion;

namespace DelegateBot.Core.Knowledge.Index;

/// <summary>Turns a chunk into an indexed passage: display text, context, and answerable units with their stems.</summary>
internal static partial class PassageBuilder
{
    public static IndexedPassage Build(KnowledgeDocument doc, int documentIndex, int ordinal, Chunk chunk, TitleReferences? titleReferences = null, StemPool? pool = null)
    {
        var references = titleReferences ?? TitleReferences.Empty;
        var text = new StringBuilder();
        var units = new List<TextUnit>();
        var lastNonItem = -1;
        for (var index = 0; index < chunk.Paragraphs.Count; index++)
        {
            var p = chunk.Paragraphs[index];
            if (text.Length > 0) text.Append('\n');
            // After a lead-in, every line is an item of its list (an address, a renumbered list, bullets).
            var isItem = p.Kind == ParagraphKind.ListItem || (chunk.Kind == ChunkKind.List && index > 0);
            if (isItem && p.Number is null) text.Append("- ");
            text.Append(p.Text);

            if (p.Kind == ParagraphKind.Prose && !isItem)
            {
                var body = p.Number is not null ? NumberPrefix.Strip(p.Text) : p.Text;
                foreach (var sentence in SentenceSplitter.Split(body))
                {
                    lastNonItem = units.Count;
                    units.Add(Unit(sentence, UnitKind.Sentence, -1, false, references, pool));
                }
            }
            else if (isItem)
            {
                units.Add(Unit(p.Text, UnitKind.ListItem, lastNonItem, false, references, pool));
            }
            else
            {
                lastNonItem = units.Count;
                units.Add(Unit(p.Text, UnitKind.Line, -1, chunk.Kind == ChunkKind.Header, references, pool));
            }
        }
        AddressBlocks.Mark(units);
        // The event's title line in its header ("Harnessing Diaspora Skills for Sustainable Development") is its theme.
        if (chunk.Kind == ChunkKind.Header)
            for (var u = 0; u < units.Count; u++)
                if (units[u].Kind == UnitKind.Line && units[u].Text.Length >= 12 && !units[u].Entities.Any(e => e.Kind == EntityKind.Quote)
                    && doc.Title.Contains(PassageChunker.Display(units[u].Text), StringComparison.OrdinalIgnoreCase) && DocumentParser.WordCount(units[u].Text) >= 3)
                    units[u] = units[u].WithEntity(new Entity(EntityKind.Quote, PassageChunker.Display(units[u].Text), 0, units[u].Text.Length, 0.8, "title"));
        // "10:00 – 10:20 Opening remarks" over the names of who gives them: the item has speakers.
        // So does "17:50 – 18:00 Closing remarks by the President of the General Assembly".
        if (chunk.Kind == ChunkKind.Programme && units.Count > 0 && ((units.Count > 1 && SpeakerLine(units[1])) || ByName().IsMatch(units[0].Text)))
            units[0] = units[0].WithImplied(Speaker).WithImplied(Speak);
        // A programme item happens on the day its block sits under: that date answers "when" for its line.
        if (chunk.Kind == ChunkKind.Programme && chunk.Day is { } day && units.Count > 0 && EntityExtractor.Extract(day).FirstOrDefault(e => e.Kind == EntityKind.Date) is { } date)
            units[0] = units[0].WithEntity(new Entity(EntityKind.Date, date.Text, 0, 0, 0.75 * date.Quality) { Inferred = true }); // below a date the text gives
        var context = $"{doc.Title}\n{chunk.Trail}\n{chunk.Section}\n{(chunk.Label != chunk.Section ? chunk.Label : null)}".Trim();
        var passageText = text.ToString();
        return new IndexedPassage
        {
            Ordinal = ordinal,
            Passage = new Passage($"{doc.Source}#{ordinal}", doc.Source, doc.Title, chunk.Location, passageText),
            DocumentIndex = documentIndex,
            Kind = chunk.Kind,
            Context = context,
            Label = chunk.Label ?? chunk.Section ?? doc.Title,
            Stems = KnowledgeAnalyzer.Instance.Stems(passageText, pool),
            ContextStems = KnowledgeAnalyzer.Instance.Stems(context, pool),
            ContextTokens = KnowledgeAnalyzer.Instance.Tokens(context, pool).ToArray(),
            SectionStems = chunk.Section is null ? [] : KnowledgeAnalyzer.Instance.Stems(chunk.Section, pool),
            Section = chunk.Day is { } d && chunk.Section is { } s && s.EndsWith(" " + d, StringComparison.Ordinal) ? s[..^(d.Length + 1)] : chunk.Section,
            Day = chunk.Day,
            Units = units.ToArray(),
        };
    }

    private static readonly string Speaker = ImplicitStems.Stem("speaker"), Speak = ImplicitStems.Stem("speak");

    /// <summary>A line that names a person first, without a label ("H.E. Mr. Joseph Deiss, President of ..."; not "Chair: ...").</summary>
    internal static bool SpeakerLine(TextUnit unit) =>
        unit.Kind is UnitKind.Line or UnitKind.ListItem && !LineCleaner.Labelled(unit.Text)
        && unit.Entities.Any(e => e.Kind == EntityKind.Person && e.Start <= 2);

    [System.Text.RegularExpressions.GeneratedRegex(@"\s(?:by|with)\s+(?:the\s+)?(?:H\.\s?E\.|[A-Z])")]
    private static partial System.Text.RegularExpressions.Regex ByName();

    private static TextUnit Unit(string text, UnitKind kind, int parent, bool header, TitleReferences references, StemPool? pool)
    {
        var tokens = KnowledgeAnalyzer.Instance.Tokens(text, pool).ToArray();
        var literal = tokens.Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        var stems = new HashSet<string>(literal, StringComparer.Ordinal);
        ImplicitStems.Add(text, stems);
        references.Add(text, stems);
        if (stems.Count == literal.Count) literal = stems;
        return new TextUnit
        {
            Text = text,
            Kind = kind,
            Tokens = tokens,
            Stems = stems,
            Literal = literal,
            Entities = EntityExtractor.Extract(text, line: kind != UnitKind.Sentence, header: header),
            ClauseBreaks = UnitScorer.ClauseBreaks(text),
            Parent = parent,
        };
    }
}

internal static partial class NumberPrefix
{
    public static string Strip(string text) => Prefix().Replace(text, "");

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:\d{1,3}[.)]|\(?[a-z]\))\s+")]
    private static partial System.Text.RegularExpressions.Regex Prefix();
}
