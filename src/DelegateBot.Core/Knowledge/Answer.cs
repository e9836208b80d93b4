namespace DelegateBot.Core.Knowledge;

/// <summary>Where an answer came from: the document's title, the place in it, and the supporting text.</summary>
public sealed record Citation(string Document, string Location, string Excerpt)
{
    /// <summary>File path relative to the knowledge folder, for tools that want to open it.</summary>
    public string? Source { get; init; }
}

/// <summary>A question as the answer service receives it, from the CLI, a chat turn or a test.</summary>
/// <param name="Text">The question as the person typed it.</param>
/// <param name="History">Earlier questions of the same conversation, oldest first, for follow-ups.</param>
public sealed record AskRequest(string Text, IReadOnlyList<string>? History = null);

/// <summary>
/// The answer service's reply. <see cref="Found"/> is false when the documents do not hold the answer;
/// then <see cref="Text"/> says so plainly and <see cref="Suggestions"/> names the closest topics.
/// </summary>
public sealed record Answer(
    string Question,
    bool Found,
    string Text,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<string> Suggestions)
{
    /// <summary>The supporting sentence the short answer was taken from, when it differs from the answer.</summary>
    public string? Support { get; init; }

    /// <summary>Another event or document the question could also have meant (ambiguity), if any.</summary>
    public string? Alternative { get; init; }
}

/// <summary>Transport-agnostic entry point: the CLI, the bot and the benchmarks all ask through this.</summary>
public interface IAnswerService
{
    Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default);
}
