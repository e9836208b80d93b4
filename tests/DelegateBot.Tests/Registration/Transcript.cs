using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.Tests.Registration;

/// <summary>
/// A conversation as a table, one line per message:
/// <code>
/// user: I want to register                       what the person types (posted to /api/messages; \n is a line break)
/// card: {"action":"register","meetingId":"x"}    a card button: the value of a message without text
/// bot:  Let's register you | 9 questions          the next reply shows every fragment (text, card, buttons; any case)
///     | What is your full name                    more fragments of the same reply
/// bot:  Which meeting | !Dialogue on Protection   a fragment starting with ! must not be shown
/// # a comment
/// </code>
/// Each person's turn lists every reply the bot sends to it, in order: a reply too many or too few fails.
/// Replies are matched to turns by their replyToId, as the channel receives them.
/// </summary>
internal sealed class Transcript
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record Turn(string? Text, JsonElement? Value, int Line)
    {
        public List<Expected> Replies { get; } = [];
        public string Said => Text ?? Value?.GetRawText() ?? "";
    }

    private sealed record Expected(List<string> Shown, List<string> Hidden, int Line);

    private readonly List<Turn> _turns;

    private Transcript(List<Turn> turns) => _turns = turns;

    public static Transcript Parse(string text)
    {
        var turns = new List<Turn>();
        var lines = text.Replace("\r", "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var number = i + 1;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("user:", StringComparison.Ordinal)) turns.Add(new Turn(line[5..].Trim().Replace("\\n", "\n", StringComparison.Ordinal), null, number));
            else if (line.StartsWith("card:", StringComparison.Ordinal)) turns.Add(new Turn(null, JsonDocument.Parse(line[5..]).RootElement.Clone(), number));
            else if (line.StartsWith("bot:", StringComparison.Ordinal))
            {
                if (turns.Count == 0) throw new FormatException($"Transcript line {number}: a bot reply before anything was said.");
                turns[^1].Replies.Add(new Expected([], [], number));
                AddFragments(turns[^1].Replies[^1], line[4..]);
            }
            else if (line.StartsWith('|') && turns.Count > 0 && turns[^1].Replies.Count > 0) AddFragments(turns[^1].Replies[^1], line[1..]);
            else throw new FormatException($"Transcript line {number}: expected 'user:', 'card:', 'bot:' or '|', got \"{line}\".");
        }
        if (turns.FirstOrDefault(t => t.Replies.Count == 0) is { } silent)
            throw new FormatException($"Transcript line {silent.Line}: every message needs the bot's replies listed after it.");
        return new Transcript(turns);
    }

    private static void AddFragments(Expected expected, string text)
    {
        foreach (var fragment in text.Split(" | ").Select(f => f.Trim()).Where(f => f.Length > 0))
        {
            if (fragment.StartsWith('!')) expected.Hidden.Add(fragment[1..]);
            else expected.Shown.Add(fragment);
        }
    }

    /// <summary>Plays the person's messages one by one, checking each turn's replies before the next message.</summary>
    public async Task PlayAsync(RegistrationBot bot, Person person)
    {
        var log = new StringBuilder();
        string? previousId = null;
        var previousCount = 0;
        foreach (var turn in _turns)
        {
            var activity = bot.Message(person, turn.Text, turn.Value);
            log.Append("user: ").AppendLine(turn.Said);
            await bot.PostAsync(activity);
            IReadOnlyList<Activity> replies;
            try
            {
                await bot.Channel.WaitUntilAsync(_ => bot.RepliesTo(activity.Id!).Count >= turn.Replies.Count,
                    $"{turn.Replies.Count} replies to \"{turn.Said}\" (transcript line {turn.Line})");
            }
            finally
            {
                replies = bot.RepliesTo(activity.Id!);
                foreach (var reply in replies) log.Append("bot:  ").AppendLine(Shown(reply).Replace("\n", "\n      "));
            }
            // The host runs a conversation's turns in order: the previous turn is over, its count is final.
            if (previousId is not null && bot.RepliesTo(previousId).Count != previousCount)
                Fail(log, turn.Line, $"the turn before sent {bot.RepliesTo(previousId).Count} replies, not {previousCount}.");
            for (var i = 0; i < turn.Replies.Count; i++) Check(turn.Replies[i], replies[i], log);
            previousId = activity.Id;
            previousCount = turn.Replies.Count;
        }
        if (previousId is null) return;
        await bot.DrainAsync(person);
        if (bot.RepliesTo(previousId).Count != previousCount)
        {
            foreach (var extra in bot.RepliesTo(previousId).Skip(previousCount)) log.Append("bot:  ").AppendLine(Shown(extra));
            Fail(log, _turns[^1].Line, $"the last message got {bot.RepliesTo(previousId).Count} replies, not {previousCount}.");
        }
    }

    /// <summary>Everything a person sees of a reply: its text, its cards' content and its buttons.</summary>
    public static string Shown(Activity reply)
    {
        var parts = new List<string> { reply.Text ?? "" };
        parts.AddRange(reply.Attachments?.Select(a => JsonSerializer.Serialize(a.Content, Readable)) ?? []);
        if (reply.SuggestedActions?.Actions is { Count: > 0 } actions) parts.Add("[" + string.Join("] [", actions.Select(a => a.Title)) + "]");
        return string.Join("\n", parts.Where(p => p.Length > 0));
    }

    private static void Check(Expected expected, Activity reply, StringBuilder log)
    {
        var shown = Shown(reply);
        var missing = expected.Shown.Where(f => !shown.Contains(f, StringComparison.OrdinalIgnoreCase)).ToList();
        var unwanted = expected.Hidden.Where(f => shown.Contains(f, StringComparison.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0) Fail(log, expected.Line, $"the reply does not show \"{string.Join("\", \"", missing)}\".");
        if (unwanted.Count > 0) Fail(log, expected.Line, $"the reply shows \"{string.Join("\", \"", unwanted)}\", which it should not.");
    }

    private static void Fail(StringBuilder log, int line, string problem)
        => throw new Xunit.Sdk.XunitException($"Transcript line {line}: {problem}\nThe conversation so far:\n{log}");
}
