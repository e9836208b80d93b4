namespace DelegateBot.Core.Knowledge.Answering;

internal enum EntityKind { Date, Time, Person, Agent, Organisation, Number, Amount, Quote, Room, Place, Country, Language }

/// <summary>A typed span of a unit that can be a short answer ("29 and 30 October 2008", "Dr. Khalid Koser").</summary>
/// <param name="Quality">How complete the span is for its kind (a full date 1.0, a month and year 0.7, a bare year 0.3).</param>
/// <param name="Role">For "Chair: X" lines, the label (the role the person has).</param>
internal sealed record Entity(EntityKind Kind, string Text, int Start, int End, double Quality, string? Role = null)
{
    /// <summary>The text folded like a question (" 15 july 2008 "), computed once at index time.</summary>
    public string Folded { get; } = " " + QuestionAnalyzer.Fold(Text) + " ";

    /// <summary>The stem of the role label ("chair"), computed once at index time.</summary>
    public string? RoleStem { get; } = Role is null ? null : Index.KnowledgeAnalyzer.Instance.Stem(Role.Split(' ')[0]);
}
