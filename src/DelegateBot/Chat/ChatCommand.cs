using System.Globalization;
using DelegateBot.Cli;

namespace DelegateBot.Chat;

/// <summary>
/// <c>chat</c>: a conversation with a running bot through its Bot Framework endpoint (/api/messages), the way
/// the Emulator holds one: the chat serves its own Connector endpoint on loopback for the replies, starts with a
/// conversationUpdate (so the welcome shows), then posts each line typed as a message. Cards are printed as text
/// and their buttons as numbered choices. Talks to a bot in local mode (no MicrosoftAppId) on this machine.
/// </summary>
public sealed class ChatCommand(TimeProvider? time = null) : ICliCommand
{
    public const string DefaultUrl = "http://localhost:3978/api/messages";

    public string Name => "chat";

    public string Usage => $"chat [--url {DefaultUrl}] [--user NAME] [--channel emulator] [--locale en-US] [--wait SECONDS]";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var options = new ChatOptions();
        for (var i = 0; i < context.Args.Count; i++)
        {
            var arg = context.Args[i];
            var (name, inline) = arg.Split('=', 2) is [var n, var v] ? (n, v) : (arg, null);
            string? Value() => inline ?? (i + 1 < context.Args.Count ? context.Args[++i] : null);
            var ok = name switch
            {
                "--url" => Set(Value(), v => options.Url = v),
                "--user" => Set(Value(), v => options.User = v),
                "--channel" => Set(Value(), v => options.Channel = v),
                "--locale" => Set(Value(), v => options.Locale = v),
                "--wait" => Set(Value(), v => options.WaitSeconds = int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : -1),
                _ => false,
            };
            if (!ok)
            {
                await context.Error.WriteLineAsync($"chat: unknown or incomplete option {arg}. Usage: {Usage}");
                return 2;
            }
        }
        if (options.WaitSeconds <= 0)
        {
            await context.Error.WriteLineAsync("chat: --wait takes a whole number of seconds above 0.");
            return 2;
        }
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            await context.Error.WriteLineAsync($"chat: --url {options.Url} is not an http(s) URL such as {DefaultUrl}.");
            return 2;
        }
        // "http://localhost:3978" means its messaging endpoint.
        if (url.AbsolutePath == "/") url = new Uri(url, "/api/messages");

        await using var channel = await ChatChannel.StartAsync(url, "chat-" + Guid.NewGuid().ToString("N"), cancellationToken: cancellationToken);
        var session = new ChatSession(channel, context, options, time ?? TimeProvider.System);
        try
        {
            return await session.RunAsync(cancellationToken);
        }
        catch (ChatException ex)
        {
            await context.Error.WriteLineAsync("chat: " + ex.Message);
            return 1;
        }
    }

    private static bool Set(string? value, Action<string> set)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        set(value);
        return true;
    }
}

/// <summary>The chat's settings (command-line options).</summary>
public sealed class ChatOptions
{
    public string Url { get; set; } = ChatCommand.DefaultUrl;
    public string User { get; set; } = Environment.UserName is { Length: > 0 } name ? name : "Delegate";
    public string Channel { get; set; } = "emulator";
    public string Locale { get; set; } = CultureInfo.CurrentCulture.Name is { Length: > 0 } culture ? culture : "en-US";

    /// <summary>How long to wait for the bot's answer before giving the prompt back (it is still printed when it comes).</summary>
    public int WaitSeconds { get; set; } = 60;
}
