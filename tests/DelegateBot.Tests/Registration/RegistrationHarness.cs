using DelegateBot.Bot;
using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Storage;
using DelegateBot.BotFramework.Testing;
using DelegateBot.Core.Agenda;
using DelegateBot.Core.Knowledge;
using DelegateBot.Core.Registrations;
using DelegateBot.Registration;
using DelegateBot.Tests.Bot;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DelegateBot.Tests.Registration;

/// <summary>
/// The registration feature as the host wires it (AddRegistration over the real agenda of the seed documents,
/// a SQLite registration store and state storage in a temp folder, a fake clock), driven through a TestAdapter.
/// <see cref="Restart"/> builds a new service collection over the same files, as a redeploy would.
/// </summary>
internal sealed class RegistrationHarness : IDisposable
{
    public static readonly string SeminarId = "migration-and-development-series-seminar-on-building-2007";

    private readonly Dictionary<string, string?> _settings;
    private ServiceProvider _services = null!;

    public RegistrationHarness(Dictionary<string, string?>? settings = null, DateTimeOffset? now = null, string locale = "en-US", string? definitionYaml = null)
    {
        Folder = Directory.CreateTempSubdirectory("registration-").FullName;
        Clock = new FakeTimeProvider(now ?? NewYork(2007, 2, 20, 10));
        _settings = new Dictionary<string, string?>
        {
            ["Registration:DatabasePath"] = Path.Combine(Folder, "registrations.db"),
            ["Registration:DefinitionPath"] = RepoFile("dialogs", "registration.yaml"),
            ["Agenda:KnowledgePath"] = BotAppFactory.RepoKnowledgeFolder,
            ["Agenda:WatchOverrides"] = "false",
        };
        foreach (var (key, value) in settings ?? []) _settings[key] = value;
        if (definitionYaml is not null) UseDefinition(definitionYaml);
        Adapter = new TestAdapter(channelId: "emulator", locale: locale, timeProvider: Clock);
        Restart();
    }

    public string Folder { get; }
    public FakeTimeProvider Clock { get; }
    public TestAdapter Adapter { get; }
    public IServiceProvider Services => _services;
    public RegistrationStore Store => _services.GetRequiredService<RegistrationStore>();
    public List<string> Questions { get; } = [];

    /// <summary>Writes a definition file of the test's own and points the settings at it (takes effect at <see cref="Restart"/>).</summary>
    public void UseDefinition(string yaml)
    {
        var path = Path.Combine(Folder, $"registration-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        _settings["Registration:DefinitionPath"] = path;
    }

    public void Set(string key, string? value) => _settings[key] = value;

    /// <summary>A new process: new services and state objects over the same storage and database files.</summary>
    public void Restart()
    {
        _services?.Dispose();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IStorage>(new SqliteStorage(Path.Combine(Folder, "state.db")));
        services.AddSingleton(sp => new ConversationState(sp.GetRequiredService<IStorage>()));
        services.AddOptions<AgendaOptions>().Bind(configuration.GetSection(AgendaOptions.Section));
        services.AddSingleton<AgendaService>();
        services.AddSingleton<IAnswerService>(new CannedAnswers(this));
        services.AddRegistration(configuration);
        _services = services.BuildServiceProvider();
    }

    /// <summary>The bot: registration first, else a canned answer, then state saved.</summary>
    public TestFlow Flow() => new(Adapter, async (turnContext, ct) =>
    {
        foreach (var feature in _services.GetServices<IConversationFeature>())
        {
            if (await feature.TryHandleAsync(turnContext, ct)) goto save;
        }
        await turnContext.SendActivityAsync($"[answer to: {turnContext.Activity.Text}]", ct);
    save:
        await _services.GetRequiredService<ConversationState>().SaveChangesAsync(turnContext, false, ct);
    });

    public static DateTimeOffset NewYork(int year, int month, int day, int hour)
        => AgendaTime.ToInstant(new DateOnly(year, month, day), new TimeOnly(hour, 0), "America/New_York");

    public static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "DelegateBot.sln"))) dir = dir.Parent;
        return Path.Combine([dir!.FullName, .. parts]);
    }

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Stands in for the knowledge engine (tested on its own); records what it was asked.</summary>
    private sealed class CannedAnswers(RegistrationHarness harness) : IAnswerService
    {
        public Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
        {
            harness.Questions.Add(request.Text);
            return Task.FromResult(new Answer(request.Text, true, "At United Nations Headquarters in New York, Conference Room 9.",
                [new Citation("UNITAR seminar note", "Date and venue", "Conference Room 9")], []));
        }
    }
}

internal static class TranscriptChecks
{
    // Cards are compared as a person reads them: "+1 212" and "Rosengärtner", not JSON escapes.
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The next reply's text, or its card, contains every fragment (case-insensitive).</summary>
    public static TestFlow AssertReplyShows(this TestFlow flow, params string[] fragments)
        => flow.AssertReply(a =>
        {
            var shown = (a.Text ?? "") + "\n" + string.Join("\n", a.Attachments?.Select(x => System.Text.Json.JsonSerializer.Serialize(x.Content, Relaxed)) ?? []);
            var missing = fragments.Where(f => !shown.Contains(f, StringComparison.OrdinalIgnoreCase)).ToList();
            return missing.Count == 0 ? null : $"expected a reply showing \"{string.Join("\", \"", missing)}\"";
        });
}
