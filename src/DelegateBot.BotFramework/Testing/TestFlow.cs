using System.Text;
using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.BotFramework.Testing;

/// <summary>
/// A scripted conversation (SDK: TestFlow): "user says X, bot replies Y". Steps run in order when
/// <see cref="StartTestAsync"/> is awaited; a failed expectation throws <see cref="TestFlowException"/>
/// with the transcript so far.
/// </summary>
public sealed class TestFlow
{
    private readonly TestAdapter _adapter;
    private readonly Func<ITurnContext, CancellationToken, Task> _callback;
    private readonly List<Func<Task>> _steps = [];
    private readonly StringBuilder _transcript = new();

    public TestFlow(TestAdapter adapter, Func<ITurnContext, CancellationToken, Task> callback)
    {
        _adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        _callback = callback ?? throw new ArgumentNullException(nameof(callback));
    }

    public TestFlow(TestAdapter adapter, IBot bot)
        : this(adapter, (bot ?? throw new ArgumentNullException(nameof(bot))).OnTurnAsync)
    {
    }

    public TestFlow Send(string userSays) => Send(() => _adapter.MakeActivity(userSays));

    public TestFlow Send(Activity activity) => Send(() => activity);

    private TestFlow Send(Func<Activity> make)
    {
        _steps.Add(async () =>
        {
            var activity = make();
            _transcript.Append("user: ").AppendLine(activity.Text ?? $"[{activity.Type}]");
            await _adapter.ProcessActivityAsync(activity, _callback).ConfigureAwait(false);
        });
        return this;
    }

    /// <summary>The next reply's text is exactly <paramref name="expected"/>.</summary>
    public TestFlow AssertReply(string expected)
        => AssertReply(a => a.Text == expected ? null : $"expected the reply \"{expected}\"");

    /// <summary>The next reply's text contains every fragment (case-insensitive).</summary>
    public TestFlow AssertReplyContains(params string[] fragments)
        => AssertReply(a =>
        {
            var missing = fragments.Where(f => a.Text?.Contains(f, StringComparison.OrdinalIgnoreCase) != true).ToList();
            return missing.Count == 0 ? null : $"expected a reply containing \"{string.Join("\", \"", missing)}\"";
        });

    /// <summary>The next reply passes <paramref name="check"/>, which returns null when satisfied or a description of what was expected.</summary>
    public TestFlow AssertReply(Func<Activity, string?> check)
    {
        _steps.Add(() =>
        {
            var reply = _adapter.GetNextReply() ?? throw Fail("expected a reply, but the bot sent nothing more");
            _transcript.Append("bot:  ").AppendLine(reply.Text ?? $"[{reply.Type}]");
            if (check(reply) is { } problem) throw Fail($"{problem}, got \"{reply.Text}\"");
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>The bot has sent nothing more.</summary>
    public TestFlow AssertNoReply()
    {
        _steps.Add(() =>
        {
            if (_adapter.GetNextReply() is { } reply) throw Fail($"expected no reply, got \"{reply.Text}\"");
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>Sends <paramref name="userSays"/> and expects a reply containing <paramref name="expectedContains"/>.</summary>
    public TestFlow Test(string userSays, string expectedContains) => Send(userSays).AssertReplyContains(expectedContains);

    /// <summary>Lets a test act between steps (restart a service, move the clock).</summary>
    public TestFlow Do(Func<Task> action)
    {
        _steps.Add(action);
        return this;
    }

    public async Task StartTestAsync()
    {
        foreach (var step in _steps) await step().ConfigureAwait(false);
    }

    private TestFlowException Fail(string message) => new($"{message}.\nTranscript so far:\n{_transcript}");
}

/// <summary>A <see cref="TestFlow"/> expectation that was not met.</summary>
public sealed class TestFlowException(string message) : Exception(message);
