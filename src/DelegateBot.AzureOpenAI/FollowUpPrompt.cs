using System.Text;

namespace DelegateBot.AzureOpenAI;

/// <summary>
/// The short call that turns a follow-up ("and who chairs it?") into a standalone question before retrieval,
/// from the conversation's recent questions.
/// </summary>
internal static class FollowUpPrompt
{
    /// <summary>Recent turns are enough to resolve "it"; older ones only add noise and tokens.</summary>
    public const int MaxHistory = 4;

    private const int MaxQuestionLength = 400;

    public const string System = """
        You rewrite the last question of a conversation into one standalone question that can be understood without the earlier questions.
        Resolve pronouns and ellipses ("it", "that meeting", "and the second one?") from the earlier questions.
        Keep the language of the last question. Do not answer it. If it is already standalone, repeat it unchanged.
        Reply with the standalone question only, on one line.
        """;

    public static string User(IReadOnlyList<string> history, string question)
    {
        var sb = new StringBuilder("Earlier questions, oldest first:\n");
        foreach (var h in Recent(history)) sb.Append("- ").AppendLine(OneLine(h));
        sb.Append("Last question: ").Append(OneLine(question));
        return sb.ToString();
    }

    public static IEnumerable<string> Recent(IReadOnlyList<string> history) =>
        history.Where(h => !string.IsNullOrWhiteSpace(h)).TakeLast(MaxHistory);

    /// <summary>The rewritten question, or null with a reason when the reply cannot be one.</summary>
    public static (string? Question, string? Problem) Parse(string? reply)
    {
        var text = OneLine(reply ?? "").Trim('"', '\'', '`', ' ');
        if (text.Length == 0) return (null, "the rewrite is empty");
        if (text.Length > MaxQuestionLength) return (null, "the rewrite is too long");
        if (text.Contains(GroundedPrompt.NotFoundMarker, StringComparison.Ordinal)) return (null, "the rewrite is not a question");
        return (text, null);
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
