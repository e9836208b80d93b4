namespace DelegateBot.Core.Recognizers;

/// <summary>Number words of English and French (folded: no accents), cardinal and ordinal.</summary>
internal static class NumberWords
{
    /// <summary>Words worth a value that adds to the running total (units, teens, tens).</summary>
    public static readonly IReadOnlyDictionary<string, int> Units = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13,
        ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18,
        ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["un"] = 1, ["une"] = 1, ["deux"] = 2, ["trois"] = 3, ["quatre"] = 4, ["cinq"] = 5, ["sept"] = 7,
        ["huit"] = 8, ["neuf"] = 9, ["dix"] = 10, ["onze"] = 11, ["douze"] = 12, ["treize"] = 13,
        ["quatorze"] = 14, ["quinze"] = 15, ["seize"] = 16, ["vingt"] = 20, ["vingts"] = 20, ["trente"] = 30,
        ["quarante"] = 40, ["cinquante"] = 50, ["soixante"] = 60, ["septante"] = 70, ["huitante"] = 80,
        ["octante"] = 80, ["nonante"] = 90,
        // "quatre-vingt(s)" is joined into one token before parsing: 4 x 20 is not additive.
        ["quatrevingt"] = 80, ["quatrevingts"] = 80,
    };

    /// <summary>Multipliers: hundred multiplies what precedes; thousand and above close a group.</summary>
    public static readonly IReadOnlyDictionary<string, long> Scales = new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["hundred"] = 100, ["cent"] = 100, ["cents"] = 100,
        ["thousand"] = 1_000, ["mille"] = 1_000, ["mil"] = 1_000,
        ["million"] = 1_000_000, ["millions"] = 1_000_000,
        ["billion"] = 1_000_000_000, ["milliard"] = 1_000_000_000, ["milliards"] = 1_000_000_000,
    };

    /// <summary>Irregular ordinals; regular ones are derived by <see cref="TryOrdinal"/>.</summary>
    private static readonly IReadOnlyDictionary<string, string> IrregularOrdinals = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["first"] = "one", ["second"] = "two", ["third"] = "three", ["fifth"] = "five", ["eighth"] = "eight",
        ["ninth"] = "nine", ["twelfth"] = "twelve",
        ["premier"] = "un", ["premiere"] = "un", ["second"] = "deux", ["seconde"] = "deux",
        ["unieme"] = "un", ["cinquieme"] = "cinq", ["neuvieme"] = "neuf",
    };

    /// <summary>The cardinal word an ordinal word stands for ("twentieth" → "twenty", "onzième" → "onze").</summary>
    public static bool TryOrdinal(string token, out string cardinal)
    {
        if (IrregularOrdinals.TryGetValue(token, out cardinal!)) return true;
        if (token.EndsWith("ieme", StringComparison.Ordinal) || token.EndsWith("iemes", StringComparison.Ordinal))
        {
            var stem = token[..token.LastIndexOf("ieme", StringComparison.Ordinal)];
            // French drops a final e before -ième: quatre → quatrième, trente → trentième, mille → millième.
            foreach (var candidate in new[] { stem, stem + "e" })
            {
                if (Units.ContainsKey(candidate) || Scales.ContainsKey(candidate))
                {
                    cardinal = candidate;
                    return true;
                }
            }
        }
        if (token.EndsWith("ieth", StringComparison.Ordinal))
        {
            var tens = token[..^4] + "y"; // twentieth → twenty
            if (Units.ContainsKey(tens)) { cardinal = tens; return true; }
        }
        if (token.EndsWith("th", StringComparison.Ordinal))
        {
            var stem = token[..^2]; // fourth, sixteenth, hundredth
            if (Units.ContainsKey(stem) || Scales.ContainsKey(stem)) { cardinal = stem; return true; }
        }
        cardinal = string.Empty;
        return false;
    }

    /// <summary>Words meaning "the last one" of a list.</summary>
    public static readonly IReadOnlySet<string> Last = new HashSet<string>(StringComparer.Ordinal) { "last", "dernier", "derniere" };
}
