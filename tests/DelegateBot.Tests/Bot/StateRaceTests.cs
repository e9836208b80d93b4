using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Schema;
using DelegateBot.BotFramework.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DelegateBot.Tests.Bot;

/// <summary>
/// A turn whose conversation state is changed by another instance (a second SqliteStorage on the same file,
/// writing between the turn's load and its save) is run again on the fresh state; its first answer never leaves.
/// </summary>
public sealed class StateRaceTests : IAsyncLifetime
{
    private const string ConversationKey = "emulator/conversations/race-1";
    private readonly string _data = Directory.CreateTempSubdirectory("delegatebot-race-").FullName;
    private TestChannel _channel = null!;
    private BotAppFactory _app = null!;
    private RacingStorage _storage = null!;

    public async Task InitializeAsync()
    {
        _channel = await TestChannel.StartAsync();
        _storage = new RacingStorage(Path.Combine(_data, "delegatebot.db"));
        _app = new BotAppFactory(_data, services: s => s.Replace(ServiceDescriptor.Singleton<IStorage>(_storage)));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _channel.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private async Task<List<string>> HistoryAsync()
    {
        var state = await new SqliteStorage(_storage.Path).ReadAsync<JsonObject>(ConversationKey);
        return state?["questionHistory"]?.AsArray().Select(q => (string)q!).ToList() ?? [];
    }

    private List<Activity> Messages() => [.. _channel.Calls.Select(c => c.Activity!).Where(a => a.Type == ActivityTypes.Message)];

    [Fact]
    public async Task A_turn_that_lost_the_race_runs_again_on_the_other_instances_state_and_answers_once()
    {
        _storage.RacesLeft = 1;

        await _app.PostAsync(BotAppFactory.Message(_channel.ServiceUrl, "Who chairs panel two?", id: "q-1", conversation: "race-1"));
        await _app.PostAsync(BotAppFactory.Message(_channel.ServiceUrl, "When is the seminar?", id: "q-2", conversation: "race-1"));
        await _channel.WaitForCallsAsync(5); // typing (lost run), typing + answer, typing + answer

        Assert.Equal(["q-1", "q-2"], Messages().Select(m => m.ReplyToId));
        Assert.Contains("Khalid Koser", Messages()[0].Attachments![0].Content!.ToString());
        // The other instance's change survives, and both questions were recorded after it.
        Assert.Equal(["Where is the venue?", "Who chairs panel two?", "When is the seminar?"], await HistoryAsync());
        Assert.Equal(0, _storage.RacesLeft);
    }

    [Fact]
    public async Task After_repeated_races_the_user_is_asked_to_send_the_message_again_and_gets_no_stale_answer()
    {
        _storage.RacesLeft = int.MaxValue;

        await _app.PostAsync(BotAppFactory.Message(_channel.ServiceUrl, "Who chairs panel two?", id: "q-1", conversation: "race-1"));
        await _channel.WaitForCallsAsync(4); // three typing indicators, then the apology

        var message = Assert.Single(Messages());
        Assert.Null(message.Attachments);
        Assert.Contains("Please send it again", message.Text);
        Assert.Equal(3, _channel.Calls.Count(c => c.Activity!.Type == ActivityTypes.Typing));
        Assert.DoesNotContain("Who chairs panel two?", await HistoryAsync());
    }

    /// <summary>The bot's storage; before a write of the race conversation it lets "another instance" write first.</summary>
    private sealed class RacingStorage(string path) : IExpiringStorage
    {
        private readonly SqliteStorage _inner = new(path);

        public string Path => path;

        public int RacesLeft { get; set; }

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => _inner.ReadAsync(keys, cancellationToken);

        public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            if (changes.ContainsKey(ConversationKey) && RacesLeft > 0)
            {
                RacesLeft--;
                await OtherInstanceWritesAsync();
            }
            await _inner.WriteAsync(changes, cancellationToken);
        }

        private static readonly string Question = "Where is the venue?";

        private async Task OtherInstanceWritesAsync()
        {
            var other = new SqliteStorage(path);
            var state = await other.ReadAsync<JsonObject>(ConversationKey) ?? new JsonObject { [StorageJson.ETagProperty] = "" };
            var history = state["questionHistory"] as JsonArray ?? [];
            if (!history.Any(q => (string?)q == Question)) history.Add(Question);
            state["questionHistory"] = history.DeepClone();
            await other.WriteAsync(new Dictionary<string, object> { [ConversationKey] = state });
        }

        public Task WriteAsync(IDictionary<string, object> changes, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) => _inner.WriteAsync(changes, expiresAt, cancellationToken);

        public Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) => _inner.DeleteExpiredAsync(now, cancellationToken);

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => _inner.DeleteAsync(keys, cancellationToken);
    }
}
