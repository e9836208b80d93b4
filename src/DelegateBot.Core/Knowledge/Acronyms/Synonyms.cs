using DelegateBot.Core.Knowledge.Index;

namespace DelegateBot.Core.Knowledge.Acronyms;

/// <summary>
/// Groups of words a delegate and a document use for the same thing ("Who funds ..." / "financially supported
/// by"). A small general-English list; knowledge/glossary.yaml can add groups. Stored as stems.
/// </summary>
public sealed class Synonyms
{
    internal static readonly string[][] Defaults =
    [
        ["fund", "finance", "financially", "sponsor", "support"],
        ["before", "precede", "prior"],
        ["after", "follow"],
        ["start", "begin", "open", "commence"],
        ["end", "close", "conclude", "finish"],
        ["organize", "host", "convene"],
        ["attend", "participate"],
        ["send", "sent", "return", "submit", "submission"],
        ["chair", "chairperson", "chairman", "moderate", "moderator"],
        ["panelist", "panellist", "speaker"],
        ["speak", "speaker", "present", "presenter", "presentation", "speech"],
        ["theme", "topic", "subject"],
        ["objective", "goal", "aim", "purpose"],
        ["participant", "delegate", "attendee"],
        ["member", "membership"],
        ["deadline", "due"],
        ["register", "registration", "enrol", "enroll", "nominate", "nomination"],
        ["venue", "location"],
        ["receive", "allocate", "get", "obtain"],
        ["sign", "signature"],
        ["cost", "charge", "fee", "price"],
        ["need", "require", "requirement", "necessary"],
        ["recommend", "recommendation", "suggest", "propose", "proposal", "urge"],
        ["postcode", "zip", "postal"],
        ["phone", "telephone", "tel"],
        ["compose", "comprise", "consist", "constitute"],
        ["purpose", "aim", "intend"],
        // Numbers as delegates and documents write them ("panel 2", "Panel two", "the second panel", "Session II").
        ["one", "1", "first"],
        ["two", "2", "second", "ii"],
        ["three", "3", "third", "iii"],
        ["four", "4", "fourth", "iv"],
        ["five", "5", "fifth", "v"],
        ["six", "6", "sixth", "vi"],
        ["seven", "7", "seventh", "vii"],
        ["eight", "8", "eighth", "viii"],
        ["nine", "9", "ninth", "ix"],
        ["ten", "10", "tenth", "x"],
        // Irregular verb forms the stemmer leaves apart.
        ["take", "took", "taken"],
        ["hold", "held"],
        ["meet", "met"],
        ["give", "gave", "given"],
        ["begin", "began", "begun"],
        ["choose", "chose", "chosen"],
        ["speak", "spoke", "spoken"],
        ["write", "wrote", "written"],
        ["lead", "led"],
        ["win", "won"],
        ["show", "shown", "showed"],
        ["know", "known", "knew"],
        ["grow", "grown", "grew"],
        ["draw", "drawn", "drew"],
        ["see", "seen", "saw"],
    ];

    private readonly Dictionary<string, HashSet<string>> _byStem = new(StringComparer.Ordinal);

    public Synonyms(IEnumerable<IReadOnlyList<string>> extraGroups)
    {
        foreach (var group in Defaults.Concat(extraGroups))
        {
            var stems = group.Select(w => KnowledgeAnalyzer.Instance.Stem(w)).Where(s => s is not null).Select(s => s!).ToHashSet(StringComparer.Ordinal);
            foreach (var stem in stems)
            {
                if (!_byStem.TryGetValue(stem, out var set)) _byStem[stem] = set = new HashSet<string>(StringComparer.Ordinal);
                set.UnionWith(stems.Where(x => x != stem));
            }
        }
    }

    /// <summary>Every stem of every group.</summary>
    public IEnumerable<string> AllStems => _byStem.Keys;

    /// <summary>Other stems meaning the same as <paramref name="stem"/> (empty when none).</summary>
    public IReadOnlyCollection<string> Of(string stem) => _byStem.TryGetValue(stem, out var set) ? set : [];
}
