namespace DelegateBot.Core.Knowledge.Answering;

/// <summary>What kind of short answer a question asks for.</summary>
internal enum AnswerType { Sentence, Date, Time, Place, Person, Organisation, Number, Amount, List, Definition, Quote, Language, Country }

/// <summary>One way of matching a concept: stems that must all occur, and how much a match counts (synonyms less).</summary>
internal readonly record struct Alternative(string[] Stems, double Factor);

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
    /// <summary>Helps ranking but is not required for the documents to hold the answer (cue words, acronym bonus).</summary>
    public bool Optional { get; init; }
    /// <summary>A number or a name in the question: the answer must sit next to it ("in 2010", "Manila").</summary>
    public bool Constraint { get; init; }
    /// <summary>Occurs nowhere in the documents in any of its spellings.</summary>
    public bool Unknown { get; init; }

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
            var c = (double)hit / alt.Stems.Length * alt.Factor;
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

    /// <summary>Whether the answer must be a typed fact (date, name, number...) rather than a sentence or a list.</summary>
    public bool NeedsEntity => Primary is not (AnswerType.Sentence or AnswerType.List or AnswerType.Definition);

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
