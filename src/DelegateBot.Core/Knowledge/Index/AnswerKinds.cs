using DelegateBot.Core.Knowledge.Answering;

namespace DelegateBot.Core.Knowledge.Index;

/// <summary>
/// Answer-type indexing: each passage is tagged with the kinds of fact its sentences hold, so a question asking
/// "when" can prefer, among passages about the same thing, those that give a full date.
/// </summary>
internal static class AnswerKinds
{
    public const string Field = "kinds";

    public static IEnumerable<string> Of(IndexedPassage passage)
    {
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in passage.Units)
            foreach (var e in unit.Entities)
            {
                kinds.Add(Name(e.Kind));
                if (e.Kind == EntityKind.Date && e.Quality >= 0.99) kinds.Add("date_full");
            }
        return kinds;
    }

    /// <summary>The tags a question of this type looks for, the most telling first.</summary>
    public static string[] For(AnswerType type) => type switch
    {
        AnswerType.Date => ["date_full", Name(EntityKind.Date)],
        AnswerType.Time => [Name(EntityKind.Time)],
        AnswerType.Place => [Name(EntityKind.Room), Name(EntityKind.Place)],
        AnswerType.Person => [Name(EntityKind.Person)],
        AnswerType.Number => [Name(EntityKind.Number)],
        AnswerType.Amount => [Name(EntityKind.Amount)],
        AnswerType.Phone => [Name(EntityKind.Phone)],
        AnswerType.Email => [Name(EntityKind.Email)],
        AnswerType.Reference => [Name(EntityKind.Reference)],
        AnswerType.Quote => [Name(EntityKind.Quote)],
        AnswerType.Frequency => [Name(EntityKind.Frequency)],
        AnswerType.Duration => [Name(EntityKind.Duration), Name(EntityKind.Time)],
        _ => [],
    };

    private static string Name(EntityKind kind) => kind.ToString().ToLowerInvariant();
}
