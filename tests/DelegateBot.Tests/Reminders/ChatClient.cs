using System.Net.Http.Json;
using System.Text.Json;
using DelegateBot.BotFramework.Schema;
using DelegateBot.Tests.Bot;
using Microsoft.Extensions.DependencyInjection;

namespace DelegateBot.Tests.Reminders;

/// <summary>
/// Talks to the real host's /api/messages as a channel would, with deliveryMode expectReplies so the bot's replies
/// come back in the response (proactive messages still go to the loopback channel at serviceUrl).
/// </summary>
internal sealed class ChatClient(BotAppFactory app, string serviceUrl, string channelId = "msteams")
{
    public async Task<IReadOnlyList<Activity>> SendAsync(Activity activity, string? authorization = null)
    {
        activity.Id ??= Guid.NewGuid().ToString("N");
        activity.ChannelId ??= channelId;
        activity.ServiceUrl ??= serviceUrl;
        activity.Recipient ??= new ChannelAccount { Id = "28:delegatebot", Name = "DelegateBot", Role = "bot" };
        activity.DeliveryMode = "expectReplies";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity, options: BotJson.Options) };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await app.CreateClient().SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("activities").Deserialize<List<Activity>>(BotJson.Options)!.Where(a => a.Type == ActivityTypes.Message).ToList();
    }

    /// <summary>A message from <paramref name="user"/> in their one-to-one conversation "conv-{user}"; the reply's text (or its card's summary).</summary>
    public async Task<string> SayAsync(string user, string? text, object? value = null, string? locale = null, bool group = false, string? conversation = null)
    {
        var replies = await SendAsync(Message(user, text, value, locale, group, conversation));
        return string.Join("\n", replies.Select(Shown));
    }

    public static Activity Message(string user, string? text, object? value = null, string? locale = null, bool group = false, string? conversation = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Value = value is null ? null : JsonSerializer.SerializeToElement(value),
        Locale = locale,
        From = new ChannelAccount { Id = user, Name = user },
        Conversation = new ConversationAccount { Id = conversation ?? $"conv-{user}", IsGroup = group ? true : null },
    };

    /// <summary>What a person sees of a reply: its text, else its card's plain-text summary.</summary>
    public static string Shown(Activity a) => a.Text ?? a.Summary ?? "";
}

/// <summary>
/// The real host (WebApplicationFactory) on a temp data folder, a Connector v3 channel on loopback for what it sends
/// proactively, and a <see cref="ChatClient"/> to talk to it. <see cref="RestartAsync"/> starts a new host on the same files.
/// </summary>
internal sealed class ChatHost : IAsyncDisposable
{
    private readonly Dictionary<string, string?>? _settings;
    private readonly Action<IServiceCollection>? _services;

    private ChatHost(string folder, TestChannel channel, Dictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        (DataFolder, Channel, _settings, _services) = (folder, channel, settings, services);
        App = new BotAppFactory(DataFolder, _settings, _services);
    }

    public string DataFolder { get; }
    public TestChannel Channel { get; }
    public BotAppFactory App { get; private set; }
    public ChatClient Chat => new(App, Channel.ServiceUrl);

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<ChatHost> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new(Directory.CreateTempSubdirectory("delegatebot-chat-").FullName, await TestChannel.StartAsync(), settings, services);

    public async Task RestartAsync()
    {
        await App.DisposeAsync();
        App = new BotAppFactory(DataFolder, _settings, _services);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Channel.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}
