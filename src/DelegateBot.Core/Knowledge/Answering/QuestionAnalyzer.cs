using System.Text.RegularExpressions;
using DelegateBot.Core.Knowledge.Index;

namespace DelegateBot.Core.Knowledge.Answering;

/// <summary>
/// Reads a question: the answer type it asks for (from its wh-phrase), its focus word, and its content concepts
/// with spellings the documents may use (stems, synonyms, acronyms both ways) weighted by rarity.
/// </summary>
internal static partial class QuestionAnalyzer
{
    /// <summary>Words that frame a question but say nothing about its topic.</summary>
    private static readonly HashSet<string> FrameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "what", "when", "where", "who", "whom", "whose", "which", "why", "how", "many", "much", "is", "are", "was", "were",
        "be", "been", "do", "does", "did", "done", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
        "have", "has", "had", "there", "please", "tell", "me", "i", "you", "we", "us", "my", "our", "your", "know", "find",
        "give", "gives", "given", "get", "gets", "exactly", "also", "kind", "sort", "type", "anyone", "someone", "somebody",
        "list", "name", "names", "mention", "mentioned", "say", "says", "said", "document", "documents",
    };

    /// <summary>Words that name the kind of answer: they help rank but need not occur in the supporting text.</summary>
    private static readonly HashSet<string> CueWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "time", "date", "dates", "day", "days", "room", "venue", "location", "address", "language", "languages", "country",
        "countries", "number", "amount", "money", "year", "month", "place", "held", "hold", "take", "takes", "took", "taking",
        "happen", "happens", "occur", "start", "starts", "begin", "begins", "end", "ends", "total", "much", "person", "people",
    };

    public static Question Analyze(string text, KnowledgeSnapshot snapshot)
    {
        var q = text.Trim();
        var lower = q.ToLowerInvariant();
        var types = DetectTypes(lower);
        var focusWords = FocusWords(lower);
        string? subject = null;
        if (types[0] == AnswerType.Definition) subject = DefinitionSubject().Match(q) is { Success: true } m ? m.Groups["s"].Value.Trim() : null;

        var concepts = new List<Concept>();
        var maxIdf = Math.Log(1 + (snapshot.PassageCount + 0.5) / 0.5);
        foreach (Match word in Word().Matches(q))
        {
            var surface = word.Value.Trim('-', '\'', '’');
            if (surface.Length == 0 || FrameWords.Contains(surface)) continue;
            var stems = KnowledgeAnalyzer.Instance.Tokens(surface).Select(t => t.Stem).ToArray();
            if (stems.Length == 0) continue;
            var acronymLike = AcronymShape().IsMatch(surface);
            foreach (var stem in stems)
            {
                if (concepts.Any(c => c.Surface.Equals(stem, StringComparison.Ordinal) || c.Alternatives[0].Stems[0] == stem)) continue;
                var alternatives = new List<Alternative> { new([stem], 1.0) };
                var expansions = new List<string>();
                foreach (var syn in snapshot.Synonyms.Of(stem)) alternatives.Add(new Alternative([syn], 0.8));
                var df = snapshot.DocumentFrequency(stem);
                if (acronymLike || df == 0)
                {
                    foreach (var pair in snapshot.Acronyms.Expand(surface).Take(2))
                    {
                        var expansion = KnowledgeAnalyzer.Instance.Tokens(pair.Expansion).Select(t => t.Stem).Distinct().ToArray();
                        if (expansion.Length == 0) continue;
                        alternatives.Add(new Alternative(expansion, 1.0));
                        expansions.Add(pair.Expansion);
                    }
                }
                var known = alternatives.Where(a => a.Stems.All(s => snapshot.DocumentFrequency(s) > 0)).ToList();
                var weight = df > 0 ? snapshot.Idf(stem)
                    : known.Count > 0 ? known.Max(a => a.Stems.Average(snapshot.Idf))
                    : maxIdf;
                var isCue = CueWords.Contains(surface);
                concepts.Add(new Concept
                {
                    Surface = stem,
                    Alternatives = alternatives,
                    Expansions = expansions,
                    Weight = weight,
                    Focus = focusWords.Contains(surface.ToLowerInvariant()),
                    Optional = isCue,
                    Constraint = !isCue && (char.IsDigit(surface[0]) || (word.Index > 0 && char.IsUpper(surface[0]) && !acronymLike && df > 0 && df <= 3)),
                    Unknown = known.Count == 0,
                });
            }
        }
        foreach (var c in concepts.Where(c => c.Focus)) c.Weight *= 2;
        foreach (var c in concepts) c.AnchorWeight = c.Weight;
        // Cue words ("take place", "date") say what kind of answer is wanted; they must not outrank the topic.
        foreach (var c in concepts.Where(c => c.Optional && !c.Focus)) c.Weight *= 0.3;

        // The other direction: a long form in the question also matches its acronym in the documents.
        var questionStems = concepts.SelectMany(c => c.Alternatives[0].Stems).ToHashSet(StringComparer.Ordinal);
        foreach (var (_, acronym, expansion) in snapshot.Acronyms.Analysed)
        {
            if (!expansion.IsSubsetOf(questionStems) || questionStems.Contains(acronym) || concepts.Any(c => c.Surface == acronym)) continue;
            concepts.Add(new Concept { Surface = acronym, Alternatives = [new([acronym], 1.0)], Weight = snapshot.Idf(acronym) * 0.5, Optional = true });
        }

        return new Question
        {
            Text = q,
            Types = types,
            Concepts = concepts,
            Subject = subject,
            SubjectStems = subject is null ? [] : KnowledgeAnalyzer.Instance.Stems(subject),
            Folded = " " + Fold(q) + " ",
            AsksForRoleHolder = types[0] == AnswerType.Person && WhoIsFocus().IsMatch(lower),
        };
    }

    internal static string Fold(string s) => NonWord().Replace(s.ToLowerInvariant(), " ").Trim();

    private static AnswerType[] DetectTypes(string q)
    {
        var types = new List<AnswerType>();
        if (TimeQuestion().IsMatch(q)) types.Add(AnswerType.Time);
        if (q.StartsWith("how many", StringComparison.Ordinal) || q.Contains(" how many ")) types.Add(AnswerType.Number);
        if (q.StartsWith("how much", StringComparison.Ordinal) || q.Contains(" how much ")) types.Add(AnswerType.Amount);
        if (PlaceQuestion().IsMatch(q)) types.Add(AnswerType.Place);
        if (DateQuestion().IsMatch(q) && !types.Contains(AnswerType.Time)) types.Add(AnswerType.Date);
        if (LanguageQuestion().IsMatch(q)) types.Add(AnswerType.Language);
        if (CountryQuestion().IsMatch(q)) types.Add(AnswerType.Country);
        if (types.Count > 0) return types.ToArray();
        if (ListQuestion().IsMatch(q)) return [AnswerType.List];
        if (PersonQuestion().IsMatch(q)) return [AnswerType.Person];
        if (OrganisationQuestion().IsMatch(q)) return [AnswerType.Organisation];
        if (QuoteQuestion().IsMatch(q)) return [AnswerType.Quote];
        if (DefinitionSubject().IsMatch(q)) return [AnswerType.Definition];
        return [AnswerType.Sentence];
    }

    /// <summary>The word(s) that say what is asked: "deadline", "chairs", "panelists", "Member States".</summary>
    private static HashSet<string> FocusWords(string q)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var regex in new[] { WhatTheFocus(), WhoFocus(), WhoIsFocus(), WhichFocus(), HowManyFocus() })
        {
            var m = regex.Match(q);
            if (!m.Success) continue;
            foreach (var w in m.Groups["f"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (!FrameWords.Contains(w) && !LightVerbs.Contains(w)) words.Add(w);
        }
        if (q.Contains("deadline")) words.Add("deadline");
        return words;
    }

    private static readonly HashSet<string> LightVerbs = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "gives", "give", "gave", "makes", "make", "made", "delivers", "deliver", "delivered", "has", "have", "had",
        "will", "did", "does", "do",
    };

    [GeneratedRegex(@"\b(?:what|which|at what)\s+time\b|\bwhat hour\b|\bhow early\b|\bhow late\b")]
    private static partial Regex TimeQuestion();

    [GeneratedRegex(@"^(?:when|until when|by when|since when)\b|\bwhen\b|\b(?:what|which)\s+(?:date|day|year|month)\b|\bdeadline\b|\bhow long ago\b")]
    private static partial Regex DateQuestion();

    [GeneratedRegex(@"^where\b|\bwhere\b|\b(?:what|which|in which|in what)\s+(?:room|venue|city|place|location|building|address|hall)\b|\baddress\b")]
    private static partial Regex PlaceQuestion();

    [GeneratedRegex(@"\b(?:what|which|in which|in what)\s+languages?\b")]
    private static partial Regex LanguageQuestion();

    [GeneratedRegex(@"\b(?:what|which)\s+(?:country|countries|state|government|nation)\b")]
    private static partial Regex CountryQuestion();

    [GeneratedRegex(@"^(?:who|what|which)\s+(?:are|were)\s+the\s+(?:[\w-]+\s+){0,2}?[\w-]+(?<!s)s\b|^(?:who|what)\s+(?:are|were)\s+(?:the\s+)?(?:\w+\s+)?(?:panelists|panellists|speakers|members|participants|sponsors|partners)\b|^list\b|^(?:which|what)\s+[\w-]+(?<!s)s\s+(?:are|were)\b|\bkey questions\b")]
    private static partial Regex ListQuestion();

    [GeneratedRegex(@"^(?:who|whom|whose)\b|\bwho\b|\b(?:which|what)\s+(?:person|official|speaker)\b")]
    private static partial Regex PersonQuestion();

    [GeneratedRegex(@"\b(?:which|what)\s+(?:organi[sz]ation|agency|foundation|body|institution|entity|office|department|group|fund)\b")]
    private static partial Regex OrganisationQuestion();

    [GeneratedRegex(@"\b(?:what|which)\s+(?:is|was|are|were)\s+(?:the\s+)?(?:\w+\s+)?(?:theme|title|name|topic|subject|motto|slogan)\b")]
    private static partial Regex QuoteQuestion();

    [GeneratedRegex(@"^(?:what|who)\s+(?:is|are|was|were)\s+(?:an?\s+|the\s+)?(?<s>[\w\s'’-]{2,60}?)\s*\??$|^what\s+does\s+(?<s>[\w'’-]+)\s+(?:stand for|mean)\b|^(?:define|explain)\s+(?<s>.+?)\??$|^what\s+is\s+meant\s+by\s+(?<s>.+?)\??$", RegexOptions.IgnoreCase)]
    private static partial Regex DefinitionSubject();

    [GeneratedRegex(@"^(?:what|which)\s+(?:is|was|are|were)\s+the\s+(?<f>(?:[\w-]+\s+){0,2}?[\w-]+?)(?:\s+(?:of|for|in|on|at|to|by|from|with|about|that|which|who|does|did|do|will|is|are|was|were)\b|\s*\?|$)")]
    private static partial Regex WhatTheFocus();

    [GeneratedRegex(@"^who\s+(?:(?:gives|give|gave|makes|make|made|delivers|deliver|delivered|has|have|had|will give|will make|will deliver)\s+)?(?:the\s+|an?\s+)?(?<f>(?!is\b|are\b|was\b|were\b|will\b|did\b|does\b)[\w-]+)")]
    private static partial Regex WhoFocus();

    [GeneratedRegex(@"^who\s+(?:is|was|are|were|will be)\s+(?:the\s+)?(?<f>[\w-]+)")]
    private static partial Regex WhoIsFocus();

    [GeneratedRegex(@"^(?:in\s+)?which\s+[\w-]+\s+(?:(?:are|were)\s+)?(?<f>[\w-]+)")]
    private static partial Regex WhichFocus();

    [GeneratedRegex(@"^how\s+many\s+(?<f>(?:[\w-]+\s+){0,2}?[\w-]+?)\s+(?:are|were|is|was|did|do|does|have|has|had|will|can|attended|participated|took|replied|responded|attend|participate|there)\b")]
    private static partial Regex HowManyFocus();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"^[A-Z][A-Z0-9&-]{1,9}s?$")]
    private static partial Regex AcronymShape();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
