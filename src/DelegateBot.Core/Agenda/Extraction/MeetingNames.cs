namespace DelegateBot.Core.Agenda.Extraction;

/// <summary>Compares event names loosely: "Migration and Development Conference" and
/// "International Conference on Migration and Development" are the same event.</summary>
internal static class MeetingNames
{
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "on", "of", "for", "and", "the", "in", "to", "a", "an", "at", "un", "united", "nations", "general", "assembly", "ga",
        "first", "second", "third", "fourth", "fifth", "sixth", "one-day", "two-day", "programme", "program",
    };

    public static HashSet<string> Tokens(string name) =>
        name.ToLowerInvariant().Split([' ', ',', ':', ';', '(', ')', '\'', '’', '"', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Replace("high-level", "highlevel").Replace("high level", "highlevel"))
            .Where(t => !Stop.Contains(t) && !(t.Length == 4 && t.All(char.IsDigit))).ToHashSet();

    public static bool SameEvent(string a, string b) => SameEvent(Tokens(a), Tokens(b));

    /// <summary>The same on the names' <see cref="Tokens"/>, for callers comparing many names.</summary>
    public static bool SameEvent(HashSet<string> x, HashSet<string> y)
    {
        if (x.Count == 0 || y.Count == 0) return false;
        var (small, large) = x.Count <= y.Count ? (x, y) : (y, x);
        var common = small.Count(large.Contains);
        if (common == small.Count && small.Count >= 2 && small.Count * 3 >= large.Count * 2) return true;
        return (double)common / x.Union(y).Count() >= 0.7;
    }

    /// <summary>How well a question or a title matches a name: shared tokens over the name's tokens.</summary>
    public static double Overlap(string query, string name) => Overlap(Tokens(query), Tokens(name));

    /// <summary>The same on tokens already computed (a question against many names).</summary>
    public static double Overlap(HashSet<string> query, HashSet<string> name) =>
        name.Count == 0 ? 0 : (double)name.Count(query.Contains) / name.Count;
}
