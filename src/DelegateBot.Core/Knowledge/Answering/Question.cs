namespace DelegateBot.Core.Knowledge.Answering;

/// <summary>What kind of short answer a question asks for.</summary>
internal enum AnswerType { Sentence, Date, Time, Place, Person, Organisation, Number, Amount, List, Definition, Quote, Language, Country, Phone, Email, Reference, Frequency, Duration }

/// <summary>Which end of a time range is asked for: "when does it start" / "when does it end".</summary>
internal enum TimeAspect { None, Start, End }

/// <summary>A part of the day the question names ("in the morning"), to pick one of several time ranges.</summary>
internal enum DayPart { None, Morning, Afternoon, Evening }

/// <summary>One way of matching a concept: stems that must all occur, and how much a match counts (synonyms less).</summary>
/// <param name="Whole">A name ("International Organization for Migration"): half of its words is much less than half of it.</param>
internal readonly record struct Alternative(string[] Stems, double Factor, bool Whole = false);

/// <summary>A content word of the question with its spellings (stem, synonyms, acronym expansions) and weight.</summary>
internal sealed class Concept
{
    public required string Surface { get; init; }
    public required List<Alternative> Alternatives { get; init; }
    /// <summary>Long forms of an acronym concept, as written (for "What is IMDI?").</summary>
    public List<string> Expansions { get; init; } = [];
    /// <summary>Rarity of the concept in the documents (BM25 idf), doubled for the question's focus.</summary>
    public required double Weight { get; set; }
    /// <summary>Weight as an anchor for the answer's position: cue words ("take place", "deadline") keep their full weight here.</summary>
    public double AnchorWeight { get; set; }
    /// <summary>The word that says what is asked ("deadline", "chairs", "panelists").</summary>
    public bool Focus { get; set; }
    /// <summary>The focus is a verb ("who speaks", "which panelist comes"): a programme line implies it rather than says it.</summary>
    public bool FocusVerb { get; init; }
    /// <summary>The first word after the focus verb ("accommodation" of "who covers accommodation"): what the doing is about.</summary>
    public bool Object { get; set; }
    /// <summary>Helps ranking but is not required for the documents to hold the answer (cue words, acronym bonus).</summary>
    public bool Optional { get; init; }
    /// <summary>A number or a name in the question: the answer must sit next to it ("in 2010", "Manila").</summary>
    public bool Constraint { get; init; }
    /// <summary>A word of one document's title that the question uses to name that document's event ("the regional
    /// consultation"): the answer must come from where that event is meant.</summary>
    public bool NamesDocument { get; set; }
    /// <summary>Occurs nowhere in the documents in any of its spellings.</summary>
    public bool Unknown { get; init; }
    /// <summary>
    /// Names one of several numbered things ("two" of "panel two", "9" of "objective 9"): the answer's passage must
    /// carry it next to that noun (its stem here).
    /// </summary>
    public string? IdentifierOf { get; set; }

    public bool Identifier => IdentifierOf is not null;

    public IEnumerable<string> AllStems => Alternatives.SelectMany(a => a.Stems);

    /// <summary>How well a set of stems covers this concept: 1 when one spelling occurs whole.</summary>
    public double Coverage(HashSet<string> stems, bool singleWordsOnly = false)
    {
        var best = 0.0;
        foreach (var alt in Alternatives)
        {
            if (singleWordsOnly && alt.Stems.Length > 1) continue;
            var hit = 0;
            foreach (var s in alt.Stems) if (stems.Contains(s)) hit++;
            if (hit == 0) continue;
            var share = (double)hit / alt.Stems.Length;
            var c = (alt.Whole && hit < alt.Stems.Length ? 0.5 * share * share : share) * alt.Factor;
            if (c > best) best = c;
        }
        return best;
    }
}

/// <summary>A question after analysis.</summary>
internal sealed class Question
{
    public required string Text { get; init; }
    public required AnswerType[] Types { get; init; }
    public required List<Concept> Concepts { get; init; }
    /// <summary>The term after "What is" for definitions ("IMDI"), when the question asks what something is.</summary>
    public string? Subject { get; init; }
    public HashSet<string> SubjectStems { get; init; } = [];
    /// <summary>The question folded to lower-case words with a space each side, to avoid answering with what was asked.</summary>
    public required string Folded { get; init; }

    /// <summary>"Who is the Chair ...?": asks for the holder of a role, so only a person's name answers.</summary>
    public bool AsksForRoleHolder { get; init; }

    /// <summary>The verb of "who covers the costs?" ("cover"): who does it is named before it ("The United Nations will cover ...").</summary>
    public Concept? Verb { get; init; }

    /// <summary>"What is the date of the letter / the report?": the document's own date (its masthead), not a date it cites.</summary>
    public bool AsksForDocumentDate { get; init; }

    /// <summary>The document whose name (title, file name) the question's words name together, or -1.</summary>
    public int NamedDocument { get; init; } = -1;

    /// <summary>The concepts that name <see cref="NamedDocument"/>: another document's passage must hold them all to answer.</summary>
    public Concept[] NamingConcepts { get; init; } = [];

    /// <summary>"Who chairs the GMG?", "who is the current chair?": a role's holder now (no year, not in the past tense).</summary>
    public bool CurrentRole { get; init; }

    /// <summary>"Who is X assisted by?": the answer is the agent after "by" (the verb is <see cref="Verb"/>).</summary>
    public bool Passive { get; init; }

    /// <summary>"Who is the Director General ...?": the role is an office, so another office is no answer, only a name.</summary>
    public bool AsksForNamedHolder { get; init; }

    /// <summary>"When does it end?": the end of a time range; "when does it start?": its start.</summary>
    public TimeAspect Aspect { get; init; }

    /// <summary>"The opening ceremony", "the closing remarks": the item at that end of a programme (not its time's end).</summary>
    public TimeAspect ItemEnd { get; init; }

    /// <summary>"... in the morning": the range of that part of the day.</summary>
    public DayPart DayPart { get; init; }

    /// <summary>"When does X end?" wants a time, but a date also answers (a deadline, a one-day event).</summary>
    public bool DateFallback { get; init; }

    /// <summary>A title or topic is best given as one, but the sentence that states it also answers.</summary>
    public bool SoftType => Primary == AnswerType.Quote;

    /// <summary>Whether the answer must be a typed fact (date, name, number...) rather than a sentence or a list.</summary>
    public bool NeedsEntity => Primary is not (AnswerType.Sentence or AnswerType.List or AnswerType.Definition) && !SoftType;

    public AnswerType Primary => Types[0];

    private Dictionary<string, int[]>? _conceptsByStem;

    /// <summary>For each stem any concept can match, the indexes of those concepts (built once per question).</summary>
    public Dictionary<string, int[]> ConceptsByStem => _conceptsByStem ??= Concepts
        .SelectMany((c, i) => c.AllStems.Select(s => (s, i))).GroupBy(x => x.s, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(x => x.i).Distinct().ToArray(), StringComparer.Ordinal);

    private double? _requiredWeight;
    public IEnumerable<Concept> Required => Concepts.Where(c => !c.Optional);
    public double RequiredWeight => _requiredWeight ??= Required.Sum(c => c.Weight);
}
