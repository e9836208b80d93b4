namespace DelegateBot.Core.Agenda;

public enum DeadlineKind
{
    Registration,
    Submission,
    Application,
    Other,
}

/// <summary>A date by which delegates must do something (register, submit, apply).</summary>
/// <param name="For">What it is for, in the document's words ("registration", "submission of the questionnaire").</param>
public sealed record Deadline(DeadlineKind Kind, DateOnly Date, string For, Provenance Provenance)
{
    /// <summary>The meeting the deadline belongs to, when the document ties it to one.</summary>
    public string? MeetingId { get; init; }
}
