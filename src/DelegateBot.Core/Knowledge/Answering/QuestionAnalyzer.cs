using System.Numerics;
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
        "list", "name", "names", "mention", "mentioned", "say", "says", "said", "document", "documents", "from", "about", "use", "used", "using",
    };

    /// <summary>Words that name the kind of answer: they help rank but need not occur in the supporting text.</summary>
    private static readonly HashSet<string> CueWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "time", "date", "dates", "day", "days", "room", "venue", "location", "address", "language", "languages", "country",
        "countries", "number", "amount", "money", "year", "month", "place", "held", "hold", "take", "takes", "took", "taking",
        "happen", "happens", "occur", "start", "starts", "begin", "begins", "end", "ends", "total", "much", "person", "people",
        "part", "portion", "half",
    };

    /// <summary>Words that say what kind of answer is wanted for one answer type only ("office" in "where is X's office").</summary>
    private static readonly Dictionary<AnswerType, HashSet<string>> TypeCueWords = new()
    {
        [AnswerType.Place] = new(StringComparer.OrdinalIgnoreCase) { "office", "offices", "located", "situated", "postal", "mailing", "street", "headquartered", "based", "postcode", "zip", "code" },
        // The kind of number asked for is the answer's kind ("Tel: ..." or a bare "+27 12 818 8000"); "fax" stays to be found.
        [AnswerType.Phone] = new(StringComparer.OrdinalIgnoreCase) { "contact", "details", "reach", "call", "send", "sent", "phone", "telephone", "tel" },
        [AnswerType.Email] = new(StringComparer.OrdinalIgnoreCase) { "contact", "details", "reach", "write", "send", "sent", "email", "e-mail", "mail" },
        [AnswerType.Person] = new(StringComparer.OrdinalIgnoreCase) { "contact", "responsible" },
        [AnswerType.Time] = new(StringComparer.OrdinalIgnoreCase) { "morning", "afternoon", "evening", "exactly" },
        [AnswerType.Duration] = new(StringComparer.OrdinalIgnoreCase) { "long", "early", "advance", "term", "duration", "length", "period", "days", "weeks", "months", "years", "last", "lasts", "take", "takes" },
        [AnswerType.Frequency] = new(StringComparer.OrdinalIgnoreCase) { "often", "frequently", "regularly" },
        [AnswerType.Amount] = new(StringComparer.OrdinalIgnoreCase) { "dollars", "euros", "money", "cost", "costs" },
        [AnswerType.Quote] = new(StringComparer.OrdinalIgnoreCase) { "topic", "topics", "theme", "themes", "title", "titles", "subject", "called", "named", "about", "focus" },
        [AnswerType.Reference] = new(StringComparer.OrdinalIgnoreCase) { "resolution", "symbol", "document", "decision", "pursuant", "reference" },
    };

    public static Question Analyze(string text, KnowledgeSnapshot snapshot)
    {
        var q = Respell(text.Trim(), snapshot);
        // "the WHO letter": the acronym of an organisation, not the question word.
        var allCaps = !q.Any(char.IsLower);
        var lower = (allCaps ? q : WhoAcronym().Replace(q, "W.H.O.")).ToLowerInvariant();
        var types = DetectTypes(lower, q, out var dateFallback);
        // "Who is the Chair-in-Office assisted by?", "By whom is X organized?": the agent of a passive verb.
        var passive = types[0] == AnswerType.Person ? PassiveWho().Match(lower) : System.Text.RegularExpressions.Match.Empty;
        var focusWords = passive.Success ? [passive.Groups["v"].Value] : FocusWords(lower);
        var focusVerbs = passive.Success ? [passive.Groups["v"].Value] : FocusVerbs(lower);
        if (!passive.Success && VerbBeforeFinalPreposition().Match(lower) is { Success: true } finalVerb) focusVerbs.Add(finalVerb.Groups["v"].Value);
        string? subject = null;
        if (types[0] == AnswerType.Definition) subject = DefinitionSubject().Match(q) is { Success: true } m ? DefinitionHead(m.Groups["s"].Value.Trim()) : null;
        var typeCues = TypeCueWords.GetValueOrDefault(types[0]);
        var identifiers = IdentifierWords(lower);

        var concepts = new List<Concept>();
        var maxIdf = Math.Log(1 + (snapshot.PassageCount + 0.5) / 0.5);
        // "stand for", "made up of": framing phrases whose words would otherwise be asked for.
        var content = FramePhrase().Replace(q, " ");
        foreach (var (surface, index) in Words(content))
        {
            if (surface.Length == 0 || (FrameWords.Contains(surface) && (allCaps || !AcronymShape().IsMatch(surface)))) continue;
            var stems = KnowledgeAnalyzer.Instance.WordTokens(surface).Select(t => t.Stem).ToArray();
            if (stems.Length == 0) continue;
            var acronymLike = AcronymShape().IsMatch(surface);
            foreach (var stem in stems)
            {
                if (concepts.Any(c => c.Surface.Equals(stem, StringComparison.Ordinal) || c.Alternatives[0].Stems[0] == stem)) continue;
                var alternatives = new List<Alternative> { new([stem], 1.0) };
                var expansions = new List<string>();
                foreach (var syn in snapshot.Synonyms.Of(stem)) alternatives.Add(new Alternative([syn], 0.8));
                if (Country(surface) is { } country) alternatives.Add(new Alternative([country], 0.9));
                var df = snapshot.DocumentFrequency(stem);
                if (acronymLike || df == 0)
                {
                    foreach (var pair in snapshot.Acronyms.Expand(surface).Take(2))
                    {
                        var expansion = KnowledgeAnalyzer.Instance.WordTokens(pair.Expansion).Select(t => t.Stem).Distinct().ToArray();
                        if (expansion.Length == 0) continue;
                        alternatives.Add(new Alternative(expansion, 1.0, Whole: expansion.Length > 1));
                        expansions.Add(pair.Expansion);
                    }
                }
                var known = alternatives.Where(a => a.Stems.All(s => snapshot.DocumentFrequency(s) > 0)).ToList();
                var weight = df > 0 ? snapshot.Idf(stem)
                    : known.Count > 0 ? known.Max(a => a.Stems.Average(snapshot.Idf))
                    : maxIdf;
                // "morning", "afternoon" pick among times or programme items; they need not be written out.
                var isCue = CueWords.Contains(surface) || typeCues?.Contains(surface) == true || DayPartOf(surface) != DayPart.None
                    // "Who speaks at ...", "Which panelist comes from ...": a verb the documents never use says how, not what.
                    || (df == 0 && focusVerbs.Contains(surface.ToLowerInvariant()))
                    // "Who will deliver the opening remarks?": a programme names who speaks, rarely the verb for it.
                    || (types[0] is AnswerType.Person or AnswerType.List && SpeechVerbs.Contains(surface))
                    // "When does the morning session finish?": which end of the range, not a word the answer must hold.
                    || (types[0] is AnswerType.Time or AnswerType.Date && RangeVerbs.Contains(surface));
                concepts.Add(new Concept
                {
                    Surface = stem,
                    Alternatives = alternatives,
                    Expansions = expansions,
                    Weight = weight,
                    Focus = focusWords.Contains(surface.ToLowerInvariant()),
                    FocusVerb = focusVerbs.Contains(surface.ToLowerInvariant()),
                    Optional = isCue,
                    Constraint = !isCue && (char.IsDigit(surface[0]) || (index > 0 && char.IsUpper(surface[0]) && !acronymLike && df > 0 && df <= 12)),
                    Unknown = known.Count == 0,
                    IdentifierOf = identifiers.GetValueOrDefault(surface.ToLowerInvariant()),
                });
            }
        }
        MarkDocumentNames(concepts, snapshot);
        var (namedDocument, naming) = NamedDocument(concepts, snapshot);
        var verbAt = concepts.FindIndex(c => c.FocusVerb);
        if (verbAt >= 0 && concepts.Skip(verbAt + 1).FirstOrDefault(c => !c.Optional) is { } obj) obj.Object = true;
        // The asked-for noun weighs double; a verb ("who covers ...") says less about the topic than its object.
        foreach (var c in concepts.Where(c => c.Focus && !c.FocusVerb)) c.Weight *= 2;
        foreach (var c in concepts) c.AnchorWeight = c.Weight;
        // Cue words ("take place", "date") say what kind of answer is wanted; they must not outrank the topic.
        foreach (var c in concepts.Where(c => c.Optional)) c.Weight *= c.Focus ? 0.4 : 0.3;

        // The other direction: a long form in the question also matches its acronym in the documents. Written out
        // as a phrase, the name is one concept ("International Organization for Migration" is not three common words).
        var questionStems = concepts.SelectMany(c => c.Alternatives[0].Stems).ToHashSet(StringComparer.Ordinal);
        foreach (var pair in snapshot.Acronyms.Analysed)
        {
            var acronym = pair.AcronymStem;
            if (!pair.ExpansionStems.IsSubsetOf(questionStems) || questionStems.Contains(acronym) || concepts.Any(c => c.Surface == acronym)) continue;
            if (types[0] != AnswerType.Definition && Collapse(concepts, pair, snapshot)) continue;
            concepts.Add(new Concept { Surface = acronym, Alternatives = [new([acronym], 1.0)], Weight = snapshot.Idf(acronym) * 0.5, Optional = true });
        }

        CollapseOffices(concepts, snapshot);

        return new Question
        {
            Text = q,
            Types = types,
            Concepts = concepts,
            Subject = subject,
            SubjectStems = subject is null ? [] : KnowledgeAnalyzer.Instance.Stems(subject),
            // Without its question word: "Who covers ...?" does not mention the WHO that covers it.
            Folded = " " + Fold(LeadingQuestionWord().Replace(q, "")) + " ",
            // "Who is the Chair?" asks for a role's holder; "who is organizing?" for whoever does it.
            AsksForRoleHolder = types[0] == AnswerType.Person && !passive.Success && WhoIsFocus().IsMatch(lower) && !WhoProgressive().IsMatch(lower),
            Verb = passive.Success ? concepts.FirstOrDefault(c => c.Surface == KnowledgeAnalyzer.Instance.Stem(passive.Groups["v"].Value))
                : types[0] == AnswerType.Person && (WhoFocus().Match(lower) is { Success: true } verb ? verb : WhoProgressive().Match(lower)) is { Success: true } v
                ? concepts.FirstOrDefault(c => c.Surface == KnowledgeAnalyzer.Instance.Stem(v.Groups["f"].Value)) : null,
            Passive = passive.Success,
            CurrentRole = types[0] == AnswerType.Person && !passive.Success && PresentRole().IsMatch(lower) && !concepts.Any(c => c.Constraint && c.Surface.All(char.IsDigit)),
            ItemEnd = OpeningItem().IsMatch(lower) ? TimeAspect.Start : ClosingItem().IsMatch(lower) ? TimeAspect.End : TimeAspect.None,
            NamedDocument = namedDocument,
            NamingConcepts = naming,
            AsksForDocumentDate = types[0] == AnswerType.Date && !EarlierDocument().IsMatch(lower)
                && concepts.Any(c => !c.Optional && (Correspondence.Contains(c.Surface) || (c.Focus && DocumentKinds.Contains(c.Surface)))),
            AsksForNamedHolder = types[0] == AnswerType.Person && !passive.Success && WhoIsFocus().Match(lower) is { Success: true } who && Names.IsRoleWord(who.Groups["f"].Value),
            Aspect = StartWords().IsMatch(lower) ? TimeAspect.Start : EndWords().IsMatch(lower) ? TimeAspect.End : TimeAspect.None,
            DayPart = Word().Matches(lower).Select(w => DayPartOf(w.Value)).FirstOrDefault(d => d != DayPart.None),
            DateFallback = dateFallback,
        };
    }

    /// <summary>
    /// "When is the GFMD in Manilla?": a word the documents never use (in no form, nor a synonym or an acronym of it)
    /// is read as the written word one edit away, so the rest of the analysis sees "Manila". Question words and the
    /// words that say what kind of answer is wanted are left as they are.
    /// </summary>
    private static string Respell(string q, KnowledgeSnapshot snapshot)
    {
        System.Text.StringBuilder? sb = null;
        var last = 0;
        foreach (Match w in Word().Matches(q))
        {
            var word = w.Value;
            if (word.Length < SpellingVocabulary.MinLength || !word.All(char.IsLetter) || AcronymShape().IsMatch(word)) continue;
            if (FrameWords.Contains(word) || CueWords.Contains(word) || SpeechVerbs.Contains(word) || RangeVerbs.Contains(word)
                || TypeCueWords.Values.Any(set => set.Contains(word))) continue;
            if (snapshot.Vocabulary.Contains(word.ToLowerInvariant())) continue;
            var stem = KnowledgeAnalyzer.Instance.Stem(word);
            // Another form of a word the documents use, or one a synonym or an acronym finds.
            if (stem is null || snapshot.DocumentFrequency(stem) > 0 || snapshot.Synonyms.Of(stem).Any(x => snapshot.DocumentFrequency(x) > 0)
                || snapshot.Acronyms.Expand(word).Any()) continue;
            // A written word one edit away; else a stem one edit from the word's stem that reads as a word ("atended": attend).
            var fix = snapshot.Vocabulary.Correct(word);
            if (fix is null && stem.Length >= SpellingVocabulary.MinLength - 1 && snapshot.StemVocabulary.Correct(stem) is { } s
                && KnowledgeAnalyzer.Instance.Stem(s) == s && (snapshot.DocumentFrequency(s) > 0 || snapshot.Synonyms.Of(s).Any(x => snapshot.DocumentFrequency(x) > 0)))
                fix = s;
            if (fix is null) continue;
            sb ??= new System.Text.StringBuilder(q.Length + 8);
            sb.Append(q, last, w.Index - last).Append(char.IsUpper(word[0]) ? char.ToUpperInvariant(fix[0]) + fix[1..] : fix);
            last = w.Index + w.Length;
        }
        return sb is null ? q : sb.Append(q, last, q.Length - last).ToString();
    }

    /// <summary>
    /// "What is the registration deadline for the regional consultation?": words that occur in one document's title
    /// only, when that title holds two or more of the question's words, name that document's event; a passage of
    /// another document (another meeting's deadline) cannot answer.
    /// </summary>
    private static void MarkDocumentNames(List<Concept> concepts, KnowledgeSnapshot snapshot)
    {
        // A concept names a document when exactly one title holds it and that title holds another concept too.
        var titles = snapshot.Titles;
        if (titles.Count < 2) return;
        foreach (var c in concepts)
        {
            if (c.Optional) continue;
            var title = titles.Single(c.Alternatives[0].Stems);
            if (title >= 0 && concepts.Any(o => o != c && !o.Optional && titles.Holds(title, o.Alternatives[0].Stems)))
                c.NamesDocument = true;
        }
    }

    /// <summary>
    /// "Who covers accommodation at the migrant health consultation?": two or more of the question's words that together
    /// stand in one document's name only (its title or file name) name that document's event, though each word alone
    /// may be in other names. Only that document, or a passage that names the event as well, can answer.
    /// </summary>
    private static (int Document, Concept[] Naming) NamedDocument(List<Concept> concepts, KnowledgeSnapshot snapshot)
    {
        var names = snapshot.Names;
        if (names.Count < 2) return (-1, []);
        // The documents whose names hold each required concept (any of its forms), from the names' inverted lists.
        var holders = new List<(Concept Concept, HashSet<int> Documents)>();
        foreach (var c in concepts)
            if (!c.Optional && !c.Unknown && c.Alternatives.SelectMany(a => names.Holding(a.Stems)).ToHashSet() is { Count: > 0 } documents)
                holders.Add((c, documents));
        if (holders.Count < 2 || holders.Count > 64) return (-1, []);
        // Documents grouped by which concepts their names hold (a bit each): testing every document against every
        // other one's set was quadratic in documents (16 MB and ~10 ms a question at ten thousand documents).
        var maskOf = new Dictionary<int, ulong>();
        for (var i = 0; i < holders.Count; i++)
            foreach (var d in holders[i].Documents)
                maskOf[d] = maskOf.GetValueOrDefault(d) | (1UL << i);
        var byMask = new Dictionary<ulong, (int Count, int Document)>();
        foreach (var (d, mask) in maskOf)
            byMask[mask] = byMask.TryGetValue(mask, out var seen) ? (seen.Count + 1, seen.Document) : (1, d);
        var best = -1;
        Concept[] naming = [];
        var bestWeight = 0.0;
        var tie = false;
        foreach (var (mask, (count, d)) in byMask)
        {
            // Together the concepts it holds must name this document only: no other document holds them all.
            if (BitOperations.PopCount(mask) < 2 || count != 1 || byMask.Keys.Any(m => m != mask && (m & mask) == mask)) continue;
            var held = holders.Where((_, i) => (mask & (1UL << i)) != 0).ToArray();
            var weight = held.Sum(h => h.Concept.Weight);
            if (weight > bestWeight) { best = d; naming = held.Select(h => h.Concept).ToArray(); bestWeight = weight; tie = false; }
            else if (weight == bestWeight) tie = true;
        }
        return tie ? (-1, []) : (best, naming);
    }

    /// <summary>Replaces the concepts of a long form written as a phrase by one concept for the name, with its acronym.</summary>
    private static bool Collapse(List<Concept> concepts, Acronyms.AnalysedPair pair, KnowledgeSnapshot snapshot) =>
        Collapse(concepts, pair.Sequence, pair.AcronymStem, snapshot);

    /// <summary>Multi-word titles of offices: "Director General" is not a director in general.</summary>
    private static readonly string[][] OfficeTitles = new[]
    {
        "deputy director general", "director general", "under secretary general", "deputy secretary general", "assistant secretary general",
        "secretary general", "executive director", "high commissioner", "special representative", "special rapporteur",
        "permanent representative", "prime minister", "vice president", "chief executive officer",
    }.Select(t => KnowledgeAnalyzer.Instance.Tokens(t).Select(x => x.Stem).ToArray()).OrderByDescending(t => t.Length).ToArray();

    private static void CollapseOffices(List<Concept> concepts, KnowledgeSnapshot snapshot)
    {
        foreach (var title in OfficeTitles) Collapse(concepts, title, null, snapshot);
    }

    /// <param name="acronym">The acronym of the name, also accepted, or null.</param>
    private static bool Collapse(List<Concept> concepts, string[] sequence, string? acronym, KnowledgeSnapshot snapshot)
    {
        if (sequence.Length < 2) return false;
        for (var i = 0; i + sequence.Length <= concepts.Count; i++)
        {
            var match = true;
            for (var j = 0; j < sequence.Length && match; j++)
            {
                var c = concepts[i + j];
                match = c.Alternatives[0].Stems.Length == 1 && c.Alternatives[0].Stems[0] == sequence[j] && !c.Identifier && c.Expansions.Count == 0;
            }
            if (!match) continue;
            var parts = concepts.GetRange(i, sequence.Length);
            // A name is as rare as its acronym, and rarer than any of its words.
            var weight = Math.Max(Math.Max(parts.Max(c => c.Weight), 0.6 * parts.Sum(c => c.Weight)),
                acronym is not null && snapshot.DocumentFrequency(acronym) > 0 ? snapshot.Idf(acronym) : 0);
            concepts.RemoveRange(i, sequence.Length);
            concepts.Insert(i, new Concept
            {
                Surface = acronym ?? string.Join(' ', sequence),
                Alternatives = acronym is null ? [new(sequence, 1.0, Whole: true)] : [new(sequence, 1.0, Whole: true), new([acronym], 1.0)],
                Weight = weight,
                AnchorWeight = weight,
                Focus = parts.Any(c => c.Focus),
                Optional = parts.All(c => c.Optional),
                Constraint = parts.Any(c => c.Constraint),
            });
            return true;
        }
        return false;
    }

    /// <summary>"Bangladeshi" -> bangladesh, "Kenyan" -> kenya, "Mexican" -> mexico: the country a demonym names.</summary>
    private static string? Country(string word)
    {
        if (word.Length < 5 || !char.IsUpper(word[0])) return null;
        foreach (var (suffix, ending) in Demonyms)
        {
            if (!word.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var name = word[..^suffix.Length] + ending;
            var m = Gazetteer.Countries().Match(name);
            if (m.Success && m.Length == name.Length) return KnowledgeAnalyzer.Instance.Stem(name);
        }
        return null;
    }

    private static readonly (string Suffix, string Ending)[] Demonyms =
    [
        ("i", ""), ("n", ""), ("an", "a"), ("an", "o"), ("ian", "ia"), ("ian", "y"), ("ese", "a"), ("ese", ""), ("ish", "and"), ("ic", "y"),
    ];

    /// <summary>The question's words; "EU-Latin" is two ("EU" an acronym to expand), "High-level" stays one.</summary>
    private static IEnumerable<(string Surface, int Index)> Words(string content)
    {
        foreach (Match word in QuestionWord().Matches(content))
        {
            var surface = word.Value.Trim('-', '\'', '’');
            if (surface.Length == 0) continue;
            var parts = surface.Split('-');
            if (parts.Length > 1 && parts.Any(p => AcronymShape().IsMatch(p)))
            {
                var at = word.Index;
                foreach (var part in parts)
                {
                    if (part.Length > 0) yield return (part, at);
                    at += part.Length + 1;
                }
            }
            else yield return (surface, word.Index);
        }
    }

    private static DayPart DayPartOf(string word) => word.ToLowerInvariant() switch
    {
        "morning" => DayPart.Morning,
        "afternoon" => DayPart.Afternoon,
        "evening" or "night" => DayPart.Evening,
        _ => DayPart.None,
    };

    /// <summary>
    /// The number that tells one of several things apart: "panel two", "objective 9", "Session II", "the third
    /// meeting", "the 2010 meeting". A passage that does not carry it is about another one of them.
    /// </summary>
    private static Dictionary<string, string> IdentifierWords(string q)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var regex in new[] { NumberedThing(), OrdinalThing() })
            foreach (Match m in regex.Matches(q))
                if (KnowledgeAnalyzer.Instance.Stem(m.Groups["noun"].Value.Replace(" ", "")) is { } noun)
                    found.TryAdd(m.Groups["id"].Value, noun);
        return found;
    }

    /// <summary>"vessel under the Protocol" -> "vessel": what a definition must name, without the scope the question adds.</summary>
    private static string DefinitionHead(string subject)
    {
        var cut = DefinitionScope().Match(subject);
        return cut.Success && cut.Index > 0 ? subject[..cut.Index].Trim() : subject;
    }

    internal static string Fold(string s) => NonWord().Replace(s.ToLowerInvariant(), " ").Trim();

    private static AnswerType[] DetectTypes(string q, string original, out bool dateFallback)
    {
        dateFallback = false;
        var types = new List<AnswerType>();
        if (EmailQuestion().IsMatch(q)) return [AnswerType.Email];
        if (PhoneQuestion().IsMatch(q)) return [AnswerType.Phone];
        if (ReferenceQuestion().IsMatch(q)) return [AnswerType.Reference];
        if (TypeNoun().Match(q) is { Success: true } noun && NounType(noun.Groups["noun"].Value) is { } nounType) return [nounType];
        if (TimeQuestion().IsMatch(q)) types.Add(AnswerType.Time);
        // "When does panel one end?": the time on the programme, or the date when the thing is a day or a deadline.
        else if (WhenStartsOrEnds().IsMatch(q) && !PlaceQuestion().IsMatch(q))
        {
            dateFallback = true;
            return [AnswerType.Time];
        }
        if (q.StartsWith("how often", StringComparison.Ordinal) || q.Contains(" how often ")) return [AnswerType.Frequency];
        if (DurationQuestion().IsMatch(q)) return [AnswerType.Duration];
        if (q.StartsWith("how many", StringComparison.Ordinal) || q.Contains(" how many ")) types.Add(AnswerType.Number);
        if (q.StartsWith("how much", StringComparison.Ordinal) || q.Contains(" how much ") || AmountQuestion().IsMatch(q)) types.Add(AnswerType.Amount);
        if (PlaceQuestion().IsMatch(q)) types.Add(AnswerType.Place);
        if (DateQuestion().IsMatch(q) && !types.Contains(AnswerType.Time)) types.Add(AnswerType.Date);
        if (LanguageQuestion().IsMatch(q)) types.Add(AnswerType.Language);
        if (CountryQuestion().IsMatch(q)) types.Add(AnswerType.Country);
        if (types.Count > 0) return types.ToArray();
        if (ListQuestion().IsMatch(q)) return [AnswerType.List];
        // "Who is the seminar designed for?": an audience, said in a phrase rather than a name.
        if (AudienceQuestion().IsMatch(q)) return [AnswerType.Sentence];
        if (PersonQuestion().IsMatch(q) || PersonNameQuestion().IsMatch(q)) return [AnswerType.Person];
        if (OrganisationQuestion().IsMatch(q)) return [AnswerType.Organisation];
        if (QuoteQuestion().IsMatch(q) || AboutQuestion().IsMatch(q) || NumberedThingQuestion().IsMatch(q)) return [AnswerType.Quote];
        // "What is the purpose of X?": an attribute of X, answered by a sentence, not a definition of "purpose".
        if (AttributeQuestion().IsMatch(original)) return [AnswerType.Sentence];
        if (DefinitionSubject().IsMatch(q)) return [AnswerType.Definition];
        return [AnswerType.Sentence];
    }

    /// <summary>"What is the date of ...", "What was the venue of ...": the noun names the answer's type.</summary>
    private static AnswerType? NounType(string noun) => noun switch
    {
        "date" or "dates" or "day" or "deadline" => AnswerType.Date,
        "time" or "times" or "hour" => AnswerType.Time,
        "venue" or "location" or "place" or "room" or "address" or "city" or "building" => AnswerType.Place,
        _ => null,
    };

    /// <summary>The word(s) that say what is asked: "deadline", "chairs", "panelists", "Member States".</summary>
    private static HashSet<string> FocusWords(string q)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var regex in new[] { WhatTheFocus(), WhoFocus(), WhoIsFocus(), WhichFocus(), HowManyFocus(), PluralFocus() })
        {
            var m = regex.Match(q);
            if (!m.Success) continue;
            foreach (var w in m.Groups["f"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (!FrameWords.Contains(w) && !LightVerbs.Contains(w)) words.Add(w);
            // "who delivers the opening remarks": the modifier's noun is asked about too.
            if (regex == WhoFocus() && ModifiedNoun(q, m) is { } noun) words.Add(noun);
        }
        if (q.Contains("deadline")) words.Add("deadline");
        // "the date of the letter": the date is the type asked for; the letter is what it must be the date of.
        if (OfWhat().Match(q) is { Success: true } of && CueWords.Contains(of.Groups["type"].Value))
        {
            words.Remove(of.Groups["type"].Value);
            words.Add(of.Groups["f"].Value);
        }
        return words;
    }

    /// <summary>The verb of "who speaks ...", "which panelist comes ...".</summary>
    private static HashSet<string> FocusVerbs(string q)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var regex in new[] { WhoFocus(), WhichFocus() })
            if (regex.Match(q) is { Success: true } m && !(regex == WhoFocus() && (ModifiedNoun(q, m) is not null || AfterLightVerb(m)))) words.Add(m.Groups["f"].Value);
        return words;
    }

    /// <summary>"who gives the opening remarks", "who will deliver the keynote address": the word after "who ..." modifies a
    /// noun (it names a programme item), so it is no verb; the noun it modifies, or null.</summary>
    private static string? ModifiedNoun(string q, System.Text.RegularExpressions.Match who)
    {
        var f = who.Groups["f"];
        var next = NextWord().Match(q, f.Index + f.Length);
        if (!next.Success) return null;
        var word = next.Groups["w"].Value;
        if (Prepositions.Contains(word) || FrameWords.Contains(word)) return null;
        var light = who.Value.Length > f.Length && !who.Value.StartsWith("who " + f.Value, StringComparison.Ordinal);
        return light || ItemModifiers.Contains(f.Value) ? word : null;
    }

    /// <summary>"who gives speeches", "who made the proposal": the word after a light verb is what is done, a noun.</summary>
    private static bool AfterLightVerb(System.Text.RegularExpressions.Match who) =>
        LightVerb().IsMatch(who.Value[..(who.Groups["f"].Index - who.Index)]);

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "of", "at", "in", "on", "for", "to", "by", "with", "from", "about", "during", "after", "before", "and", "or", "the", "a", "an",
    };

    /// <summary>Words that name a programme item with the noun after them: "opening remarks", "closing ceremony".</summary>
    private static readonly HashSet<string> ItemModifiers = new(StringComparer.Ordinal)
    {
        "opening", "closing", "welcome", "welcoming", "keynote", "introductory", "concluding", "inaugural", "final", "special",
    };

    /// <summary>Stems of what is always a document: "the date of the letter" is the letter's own date.</summary>
    private static readonly HashSet<string> Correspondence = new[] { "letter", "note", "memorandum", "circular", "communication", "invitation" }
        .Select(w => KnowledgeAnalyzer.Instance.Stem(w)!).ToHashSet(StringComparer.Ordinal);

    /// <summary>Stems of what may be a document when it is what the question is about ("the date of the report").</summary>
    private static readonly HashSet<string> DocumentKinds = new[] { "report", "document", "paper", "statement", "declaration", "brief", "release", "notice", "programme", "agenda", "summary", "conclusions" }
        .Select(w => KnowledgeAnalyzer.Instance.Stem(w)!).ToHashSet(StringComparer.Ordinal);

    /// <summary>Verbs of speaking: "who delivers / gives / presents / speaks at ...".</summary>
    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "deliver", "delivers", "delivering", "deliver", "present", "presents", "presenting", "speak", "speaks", "speaking",
        "address", "addresses", "addressing", "talk", "talks", "make", "makes", "making",
        // "who gives speeches / a presentation / a statement at ...": the nouns of speaking say as little.
        "speech", "speeches", "statement", "statements", "presentation", "presentations",
    };

    /// <summary>Verbs that pick an end of a time range: "when does it finish", "when does registration open".</summary>
    private static readonly HashSet<string> RangeVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "finish", "finishes", "close", "closes", "conclude", "concludes", "open", "opens", "commence", "commences",
        "adjourn", "adjourns", "over", "wrap",
    };

    private static readonly HashSet<string> LightVerbs = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "gives", "give", "gave", "makes", "make", "made", "delivers", "deliver", "delivered", "has", "have", "had",
        "will", "did", "does", "do",
    };
}
