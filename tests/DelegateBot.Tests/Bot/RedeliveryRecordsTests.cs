using System.Net;
using DelegateBot.BotFramework.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace DelegateBot.Tests.Bot;

/// <summary>The records that stop a redelivered activity from being answered twice do not pile up.</summary>
public sealed class RedeliveryRecordsTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("delegatebot-dedupe-").FullName;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private TestChannel _channel = null!;
    private BotAppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _channel = await TestChannel.StartAsync();
        _app = new BotAppFactory(_data, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time)));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _channel.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private async Task<List<string>> KeysAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_app.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM items ORDER BY key";
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        return keys;
    }

    [Fact]
    public async Task Records_older_than_the_window_are_swept_and_conversation_state_stays()
    {
        Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(BotAppFactory.Message(_channel.ServiceUrl, "Who chairs panel two?", id: "m-1"))).StatusCode);
        await _channel.WaitForCallsAsync(2);
        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(HttpStatusCode.OK, (await _app.PostAsync(BotAppFactory.Message(_channel.ServiceUrl, "When is the seminar?", id: "m-2"))).StatusCode);
        await _channel.WaitForCallsAsync(4);
        Assert.Contains("emulator/conversations/conv-1/delivered/m-1", await KeysAsync());

        // 61 minutes after m-1, 31 after m-2: the sweeper's next tick removes m-1's record only.
        _time.Advance(TimeSpan.FromMinutes(31));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await KeysAsync()).Contains("emulator/conversations/conv-1/delivered/m-1") && DateTime.UtcNow < deadline) await Task.Delay(50);

        var keys = await KeysAsync();
        Assert.DoesNotContain("emulator/conversations/conv-1/delivered/m-1", keys);
        Assert.Contains("emulator/conversations/conv-1/delivered/m-2", keys);
        Assert.Contains("emulator/conversations/conv-1", keys);

        // Within its window m-2 is still recognised as a redelivery.
        await _app.PostAsync(BotAppFactory.Message(_channel.ServiceUrl, "When is the seminar?", id: "m-2"));
        await _app.PostAsync(BotAppFactory.Message(_channel.ServiceUrl, "Who chairs panel two?", id: "m-3"));
        await _channel.WaitForCallsAsync(6);
        Assert.Equal(["m-1", "m-2", "m-3"], _channel.Calls.Where(c => c.Activity!.Type == ActivityTypes.Message).Select(c => c.Activity!.ReplyToId));
    }
}
