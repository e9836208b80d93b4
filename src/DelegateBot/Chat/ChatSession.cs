using System.Globalization;
using DelegateBot.BotFramework.Schema;
using DelegateBot.Cli;

namespace DelegateBot.Chat;

/// <summary>
/// One chat: prints the bot's activities as they arrive (on stdout; prompts and notes on stderr), sends what the
/// person types, and after each message waits until the bot's answer has come and gone quiet, so a piped
/// transcript reads in order. A number picks one of the buttons offered since the last message.
/// </summary>
internal sealed class ChatSession(ChatChannel channel, CliContext console, ChatOptions options, TimeProvider time)
{
    /// <summary>How long the bot must stay silent after its answer before the prompt comes back (it may send several messages).</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);

    /// <summary>The welcome is optional: a bot that sends none is not waited for long.</summary>
    private static readonly TimeSpan WelcomeWait = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Lock _output = new();
    private readonly List<ChatChoice> _choices = [];
    private readonly ChannelAccount _user = new() { Id = "chat-" + options.User.ToLowerInvariant().Replace(' ', '-'), Name = options.User };
    private readonly ChannelAccount _bot = new() { Id = "delegatebot", Name = "DelegateBot", Role = "bot" };
    private DateTimeOffset _lastArrival = DateTimeOffset.MinValue;
    private string? _awaitedReplyTo;
    private bool _answered;
    private int _sent;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var printer = PrintIncomingAsync(stop.Token);
        try
        {
            if (console.Interactive)
                await console.Error.WriteLineAsync($"Chatting with {channel.BotUrl} as {options.User}. Type a number to pick a button, \"exit\" to leave.");

            await SendAsync(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [_user, _bot] }, null, cancellationToken);
            await SettleAsync(WelcomeWait, cancellationToken);

            while (!cancellationToken.IsCancellationRequested)
            {
                if (console.Interactive) await console.Error.WriteAsync("> ");
                var line = await console.In.ReadLineAsync(cancellationToken);
                if (line is null) break;
                line = line.Trim();
                if (line.Length == 0) continue;
                if (line is "exit" or "quit") break;

                var message = Message(line, out var shown);
                if (message is null) continue; // a link, printed
                if (!console.Interactive || shown != line) Write($"You: {shown}");
                if (!await SendAsync(message, line, cancellationToken))
                    await console.Error.WriteLineAsync($"(no answer after {options.WaitSeconds} s; it will be printed if it comes)");
            }
            return 0;
        }
        finally
        {
            await stop.CancelAsync();
            try { await printer; } catch (OperationCanceledException) { }
        }
    }

    /// <summary>The message for what was typed: a picked button's text/value, or the words themselves.</summary>
    private Activity? Message(string line, out string shown)
    {
        shown = line;
        ChatChoice? choice;
        lock (_gate)
        {
            choice = int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= _choices.Count ? _choices[n - 1] : null;
        }
        if (choice is null) return new Activity { Type = ActivityTypes.Message, Text = line };
        if (choice.Url is not null || (choice.Text is null && choice.Value is null))
        {
            Write(choice.Url is null ? $"({choice.Title} does nothing here)" : $"Open {choice.Url}");
            return null;
        }
        shown = choice.Title;
        return new Activity { Type = ActivityTypes.Message, Text = choice.Text, Value = choice.Value };
    }

    /// <summary>Posts the activity; for a message, waits for the bot's reply to it. False when none came in time.</summary>
    private async Task<bool> SendAsync(Activity activity, string? typed, CancellationToken ct)
    {
        activity.Id = $"chat-user-{Interlocked.Increment(ref _sent)}";
        activity.ChannelId = options.Channel;
        activity.From = _user;
        activity.Recipient = _bot;
        activity.Locale = options.Locale;
        activity.Timestamp = time.GetUtcNow();
        lock (_gate)
        {
            _choices.Clear(); // buttons of earlier messages no longer apply
            _awaitedReplyTo = typed is null ? null : activity.Id;
            _answered = false;
        }
        await channel.PostAsync(activity, ct);
        return typed is null || await SettleAsync(TimeSpan.FromSeconds(options.WaitSeconds), ct);
    }

    /// <summary>Waits until the awaited answer (any message for the conversation start) came and the bot went quiet.</summary>
    private async Task<bool> SettleAsync(TimeSpan timeout, CancellationToken ct)
    {
        var start = time.GetUtcNow();
        while (true)
        {
            var now = time.GetUtcNow();
            lock (_gate)
            {
                if (_answered && now - _lastArrival >= Quiet) return true;
            }
            if (now - start >= timeout) return false;
            await Task.Delay(TimeSpan.FromMilliseconds(50), time, ct);
        }
    }

    private async Task PrintIncomingAsync(CancellationToken ct)
    {
        await foreach (var activity in channel.Incoming.ReadAllAsync(ct))
        {
            if (activity.Type != ActivityTypes.Message) continue; // typing indicators and the like
            var rendered = ActivityText.Render(activity);
            var lines = new List<string>();
            lock (_gate)
            {
                var speaker = activity.From?.Name is { Length: > 0 } name ? name : "Bot";
                lines.Add($"{speaker}: {(rendered.Lines.Count > 0 ? rendered.Lines[0] : "")}".TrimEnd());
                lines.AddRange(rendered.Lines.Skip(1).Select(l => "  " + l));
                foreach (var choice in rendered.Choices)
                {
                    _choices.Add(choice);
                    lines.Add($"  [{_choices.Count}] {choice.Title}{(choice.Url is null ? "" : $" ({choice.Url})")}");
                }
                _lastArrival = time.GetUtcNow();
                if (_awaitedReplyTo is null || activity.ReplyToId == _awaitedReplyTo) _answered = true;
            }
            Write(string.Join(Environment.NewLine, lines));
        }
    }

    /// <summary>One whole block at a time: the bot's messages arrive while the person's echo is written.</summary>
    private void Write(string text)
    {
        lock (_output)
        {
            console.Out.WriteLine(text);
            console.Out.Flush();
        }
    }
}
