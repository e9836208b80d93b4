using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DelegateBot.BotFramework.Schema;
using DelegateBot.Core.Agenda;
using DelegateBot.Core.Registrations;
using DelegateBot.Tests.Bot;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace DelegateBot.Tests.Registration;

/// <summary>Who is chatting: the channel account, the conversation and the language the channel reports.</summary>
internal sealed record Person(string UserId, string Locale = "en-US", string? ConversationId = null, string? AadObjectId = null)
{
    public string Conversation => ConversationId ?? $"conv-{UserId}";
}

/// <summary>
/// The whole service for registration conversations: the real host (<see cref="BotAppFactory"/>) on Kestrel at
/// 127.0.0.1 on a free port, in anonymous mode unless settings say otherwise, its clock a <see cref="FakeTimeProvider"/>
/// (20 February 2007, 10:00 in New York unless given), its SQLite files (conversation state, registrations) in a temp
/// folder, and the loopback <see cref="TestChannel"/> that receives every reply. Messages go to POST /api/messages;
/// <see cref="RestartAsync"/> stops the host and starts a new one over the same files, as a redeploy does.
/// </summary>
internal sealed class RegistrationBot : IAsyncDisposable
{
    public const string SeminarId = "migration-and-development-series-seminar-on-building-2007";
    public const string ForumId = "global-forum-on-migration-and-development-first-meeting-2007";
    public const string DialogueId = "dialogue-on-protection-challenges-2007";
    public const string SeminarTitle = "Migration and Development Series Seminar on Building Partnerships";
    public const string ForumTitle = "Global Forum on Migration and Development, first meeting";

    /// <summary>
    /// agenda.yaml for a knowledge folder where two meetings take registrations on 20 February 2007 (the seminar, by its
    /// own documents, and the Global Forum, by this file) and a third has closed (deadline 10 February).
    /// </summary>
    public const string TwoOpenMeetingsAgenda = """
        meetings:
          - match: global-forum-on-migration-and-development-first-meeting-2007
            registrationDeadline: 2007-06-15
            registrationContact: the GFMD Task Force, gfmd-taskforce@example.org
          - match: dialogue-on-protection-challenges-2007
            registrationDeadline: 2007-02-10
            registrationContact: the UNHCR secretariat
        """;

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private BotAppFactory? _app;
    private HttpClient? _client;

    private RegistrationBot(TestChannel channel, FakeTimeProvider clock, Dictionary<string, string?> settings, Action<IServiceCollection>? services, string folder)
    {
        Channel = channel;
        Clock = clock;
        _settings = settings;
        _services = services;
        Folder = folder;
    }

    public string Folder { get; }
    public FakeTimeProvider Clock { get; }
    public TestChannel Channel { get; }
    public Uri BaseAddress { get; private set; } = null!;
    public HttpClient Client => _client!;
    public IServiceProvider Services => _app!.Services;
    public string RegistrationsDatabase => Path.Combine(Folder, "registrations.db");

    /// <summary>The Authorization header of each post to /api/messages (a channel token); none in anonymous mode.</summary>
    public Func<Activity, string>? Authorization { get; set; }

    /// <summary>
    /// Starts the service. <paramref name="agendaYaml"/> gives it a copy of the seed documents with that agenda.yaml;
    /// <paramref name="settings"/> override configuration; <paramref name="services"/> adjusts the host's services.
    /// </summary>
    public static async Task<RegistrationBot> StartAsync(DateTimeOffset? now = null, IDictionary<string, string?>? settings = null,
        string? agendaYaml = null, Action<IServiceCollection>? services = null)
    {
        var folder = Directory.CreateTempSubdirectory("delegatebot-registration-").FullName;
        var all = new Dictionary<string, string?>
        {
            ["Registration:DefinitionPath"] = RepoFile("dialogs", "registration.yaml"),
            ["DirectLine:KeyFile"] = Path.Combine(folder, "directline-token.key"),
            ["Agenda:WatchOverrides"] = "false",
        };
        if (agendaYaml is not null)
        {
            var knowledge = Path.Combine(folder, "knowledge");
            Directory.CreateDirectory(knowledge);
            foreach (var file in Directory.GetFiles(BotAppFactory.RepoKnowledgeFolder)) File.Copy(file, Path.Combine(knowledge, Path.GetFileName(file)));
            await File.WriteAllTextAsync(Path.Combine(knowledge, "agenda.yaml"), agendaYaml);
            all["Knowledge:Path"] = knowledge;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var bot = new RegistrationBot(await TestChannel.StartAsync(), new FakeTimeProvider(now ?? NewYork(2007, 2, 20, 10)), all, services, folder);
        bot.StartHost();
        return bot;
    }

    /// <summary>An instant given as a New York wall-clock time (the seminar's time zone).</summary>
    public static DateTimeOffset NewYork(int year, int month, int day, int hour, int minute = 0)
        => AgendaTime.ToInstant(new DateOnly(year, month, day), new TimeOnly(hour, minute), "America/New_York");

    public static string RepoFile(params string[] parts) => Path.Combine([Path.GetDirectoryName(BotAppFactory.RepoKnowledgeFolder)!, .. parts]);

    /// <summary>Stops the service and starts a new one over the same files; <paramref name="change"/> edits its settings first.</summary>
    public async Task RestartAsync(Action<Dictionary<string, string?>>? change = null)
    {
        await StopHostAsync();
        change?.Invoke(_settings);
        StartHost();
    }

    /// <summary>Writes a registration flow of the test's own into the temp folder; returns its path.</summary>
    public string WriteDefinition(string yaml)
    {
        var path = Path.Combine(Folder, $"registration-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>
    /// Plays a transcript (see <see cref="Transcript"/>), given in one or more parts, as <paramref name="person"/>;
    /// fails at the first reply that differs.
    /// </summary>
    public Task PlayAsync(Person person, params string[] transcript) => Transcript.Parse(string.Join('\n', transcript)).PlayAsync(this, person);

    /// <summary>Posts one activity to /api/messages as a channel would; the endpoint answers 200 and replies in the background.</summary>
    public async Task PostAsync(Activity activity)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity, options: BotJson.Options) };
        if (Authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", Authorization(activity));
        var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A message from <paramref name="person"/>: text, or a card button's value with no text.</summary>
    public Activity Message(Person person, string? text, JsonElement? value = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        Text = text,
        Value = value,
        Locale = person.Locale,
        ChannelId = "emulator",
        ServiceUrl = Channel.ServiceUrl,
        From = new ChannelAccount { Id = person.UserId, Name = person.UserId, AadObjectId = person.AadObjectId },
        Recipient = new ChannelAccount { Id = "bot-1", Name = "DelegateBot", Role = "bot" },
        Conversation = new ConversationAccount { Id = person.Conversation },
    };

    /// <summary>The message replies the bot sent to one activity, in order.</summary>
    public IReadOnlyList<Activity> RepliesTo(string activityId)
        => Channel.Calls.Select(c => c.Activity).Where(a => a?.Type == ActivityTypes.Message && a.ReplyToId == activityId).ToList()!;

    /// <summary>
    /// Waits until every turn already posted in the person's conversation has finished: the host runs a conversation's
    /// turns in order, so once a new member's greeting (a conversationUpdate posted last) arrives, nothing earlier is pending.
    /// </summary>
    public async Task DrainAsync(Person person)
    {
        var name = "Drain" + Guid.NewGuid().ToString("N");
        var update = Message(person, null);
        update.Type = ActivityTypes.ConversationUpdate;
        update.MembersAdded = [new ChannelAccount { Id = name, Name = name }];
        await PostAsync(update);
        // Greetings are not replies (no replyToId): the new member's unique name identifies this one.
        await Channel.WaitUntilAsync(calls => calls.Any(c => c.Activity is { } a && Transcript.Shown(a).Contains(name, StringComparison.Ordinal)),
            "the greeting that shows the conversation's earlier turns are done");
    }

    public RegistrationStore Store => Services.GetRequiredService<RegistrationStore>();

    private void StartHost()
    {
        var app = new BotAppFactory(Folder, _settings, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            _services?.Invoke(services);
        });
        try
        {
            BaseAddress = new Uri(app.StartOnLoopback(), "/");
        }
        catch
        {
            app.Dispose();
            throw;
        }
        _app = app;
        _client = new HttpClient { BaseAddress = BaseAddress };
    }

    private async Task StopHostAsync()
    {
        _client?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _app = null;
        SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        await Channel.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
