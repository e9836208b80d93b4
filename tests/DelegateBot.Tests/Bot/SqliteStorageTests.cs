using System.Text.Json.Nodes;
using DelegateBot.BotFramework.Storage;
using Microsoft.Data.Sqlite;

namespace DelegateBot.Tests.Bot;

/// <summary>SqliteStorage on a real file in a temp folder: the ETag contract of MemoryStorage, and durability.</summary>
public sealed class SqliteStorageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("delegatebot-sqlite-").FullName;
    private string DbPath => Path.Combine(_folder, "sub", "state.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static JsonObject Item(int n, string? etag) => etag is null ? new JsonObject { ["n"] = n } : new JsonObject { ["n"] = n, ["eTag"] = etag };

    private static async Task<JsonObject?> Read(IStorage storage, string key) =>
        (await storage.ReadAsync([key])).TryGetValue(key, out var v) ? (JsonObject)v : null;

    // "sqlite-unflushed": Storage:FlushEachCommit false, the same contract without waiting for the disk.
    public static TheoryData<string> Storages => ["sqlite", "sqlite-unflushed", "memory"];

    private IStorage Create(string kind) => kind switch
    {
        "sqlite" => new SqliteStorage(DbPath),
        "sqlite-unflushed" => new SqliteStorage(DbPath, flushCommits: false),
        _ => new MemoryStorage(),
    };

    [Theory, MemberData(nameof(Storages))]
    public async Task Empty_etag_inserts_only_when_absent(string kind)
    {
        var storage = Create(kind);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = Item(1, "") });
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync(new Dictionary<string, object> { ["k"] = Item(2, "") }));
        Assert.Equal(1, (int)(await Read(storage, "k"))!["n"]!);
    }

    [Theory, MemberData(nameof(Storages))]
    public async Task Matching_etag_updates_and_a_stale_one_fails_without_writing(string kind)
    {
        var storage = Create(kind);
        var first = Item(1, null);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = first });
        var etag = (string)first["eTag"]!;
        Assert.Equal(etag, (string)(await Read(storage, "k"))!["eTag"]!);

        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = Item(2, etag) });
        var ex = await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync(new Dictionary<string, object> { ["k"] = Item(3, etag) }));
        Assert.Equal("k", ex.Key);
        Assert.Equal(2, (int)(await Read(storage, "k"))!["n"]!);
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync(new Dictionary<string, object> { ["absent"] = Item(1, "nope") }));
    }

    [Theory, MemberData(nameof(Storages))]
    public async Task Star_or_no_etag_overwrites(string kind)
    {
        var storage = Create(kind);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = Item(1, null) });
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = Item(2, "*") });
        Assert.Equal(2, (int)(await Read(storage, "k"))!["n"]!);
    }

    [Theory, MemberData(nameof(Storages))]
    public async Task A_batch_with_one_conflict_writes_nothing(string kind)
    {
        var storage = Create(kind);
        await storage.WriteAsync(new Dictionary<string, object> { ["b"] = Item(1, null) });
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => storage.WriteAsync(new Dictionary<string, object> { ["a"] = Item(1, null), ["b"] = Item(2, "") }));
        Assert.Null(await Read(storage, "a"));
    }

    [Theory, MemberData(nameof(Storages))]
    public async Task Delete_removes_and_missing_keys_are_absent(string kind)
    {
        var storage = Create(kind);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = Item(1, null) });
        await storage.DeleteAsync(["k", "never"]);
        Assert.Empty(await storage.ReadAsync(["k", "never"]));
    }

    [Fact]
    public async Task A_new_instance_on_the_same_file_sees_the_data_and_its_etag()
    {
        var item = Item(7, null);
        await new SqliteStorage(DbPath).WriteAsync(new Dictionary<string, object> { ["k"] = item });

        var reopened = new SqliteStorage(DbPath);
        var read = await Read(reopened, "k");
        Assert.Equal(7, (int)read!["n"]!);
        Assert.Equal((string)item["eTag"]!, (string)read["eTag"]!);
    }

    [Fact]
    public async Task Two_instances_racing_on_one_etag_let_exactly_one_win()
    {
        var a = new SqliteStorage(DbPath);
        var b = new SqliteStorage(DbPath);
        var seed = Item(0, null);
        await a.WriteAsync(new Dictionary<string, object> { ["k"] = seed });
        var etag = (string)seed["eTag"]!;

        var results = await Task.WhenAll(
            Task.Run(() => Try(a, Item(1, etag))),
            Task.Run(() => Try(b, Item(2, etag))));

        Assert.Equal(1, results.Count(won => won));

        static async Task<bool> Try(IStorage s, JsonObject value)
        {
            try { await s.WriteAsync(new Dictionary<string, object> { ["k"] = value }); return true; }
            catch (StorageConcurrencyException) { return false; }
        }
    }

    [Theory, MemberData(nameof(Storages))]
    public async Task Expired_items_are_deleted_and_the_others_kept(string kind)
    {
        var storage = (IExpiringStorage)Create(kind);
        var now = new DateTimeOffset(2030, 1, 10, 15, 0, 0, TimeSpan.Zero);
        await storage.WriteAsync(new Dictionary<string, object> { ["old"] = Item(1, "") }, now.AddMinutes(-1));
        await storage.WriteAsync(new Dictionary<string, object> { ["young"] = Item(2, "") }, now.AddMinutes(1));
        await storage.WriteAsync(new Dictionary<string, object> { ["state"] = Item(3, null) });
        // A plain write over an expiring item makes it permanent.
        await storage.WriteAsync(new Dictionary<string, object> { ["kept"] = Item(4, "") }, now.AddMinutes(-1));
        await storage.WriteAsync(new Dictionary<string, object> { ["kept"] = Item(5, "*") });

        Assert.Equal(1, await storage.DeleteExpiredAsync(now));

        Assert.Null(await Read(storage, "old"));
        foreach (var (key, n) in new[] { ("young", 2), ("state", 3), ("kept", 5) })
            Assert.Equal(n, (int)(await Read(storage, key))!["n"]!);
        Assert.Equal(1, await storage.DeleteExpiredAsync(now.AddMinutes(2)));
    }

    [Fact]
    public async Task A_file_from_before_expiries_gets_the_column_and_keeps_its_items()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DbPath)!);
        await using (var connection = new SqliteConnection($"Data Source={DbPath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE items (key TEXT PRIMARY KEY NOT NULL, json TEXT NOT NULL, etag TEXT NOT NULL);
                INSERT INTO items VALUES ('k', '{"n":7}', 'e1');
                """;
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();

        var storage = new SqliteStorage(DbPath);

        Assert.Equal(7, (int)(await Read(storage, "k"))!["n"]!);
        await storage.WriteAsync(new Dictionary<string, object> { ["d"] = Item(1, "") }, DateTimeOffset.UnixEpoch);
        Assert.Equal(1, await storage.DeleteExpiredAsync(DateTimeOffset.UnixEpoch.AddSeconds(1)));
        Assert.NotNull(await Read(new SqliteStorage(DbPath), "k"));
    }

    [Fact]
    public async Task Writes_that_queue_together_commit_together_yet_each_succeeds_or_fails_alone()
    {
        var storage = new SqliteStorage(DbPath);
        var seed = Item(0, null);
        await storage.WriteAsync(new Dictionary<string, object> { ["shared"] = seed });
        var staleTag = (string)seed["eTag"]!;
        await storage.WriteAsync(new Dictionary<string, object> { ["shared"] = Item(1, staleTag) });

        // The first write holds the committer while it is being serialised, so the others queue behind it.
        using var blocker = new BlockingItem();
        var first = storage.WriteAsync(new Dictionary<string, object> { ["first"] = blocker });
        Assert.True(blocker.Entered.Wait(TimeSpan.FromSeconds(30)));
        var fresh = new[] { Item(10, null), Item(11, null) };
        var writes = new[]
        {
            storage.WriteAsync(new Dictionary<string, object> { ["a"] = fresh[0] }),
            // Its own batch fails as a whole (b2 is stale), and only it: its neighbours in the group are written.
            storage.WriteAsync(new Dictionary<string, object> { ["b1"] = Item(20, null), ["shared"] = Item(21, staleTag) }),
            storage.WriteAsync(new Dictionary<string, object> { ["c"] = fresh[1] }),
        };
        blocker.Release();
        await first;

        await writes[0];
        var conflict = await Assert.ThrowsAsync<StorageConcurrencyException>(() => writes[1]);
        Assert.Equal("shared", conflict.Key);
        await writes[2];
        Assert.Null(await Read(storage, "b1"));
        Assert.Equal(1, (int)(await Read(storage, "shared"))!["n"]!);
        Assert.Equal(10, (int)(await Read(storage, "a"))!["n"]!);
        Assert.Equal((string)fresh[1]["eTag"]!, (string)(await Read(storage, "c"))!["eTag"]!);
        Assert.NotNull(await Read(storage, "first"));
    }

    [Fact]
    public async Task A_write_cancelled_while_it_waits_for_its_turn_is_not_written()
    {
        var storage = new SqliteStorage(DbPath);
        using var blocker = new BlockingItem();
        var first = storage.WriteAsync(new Dictionary<string, object> { ["first"] = blocker });
        Assert.True(blocker.Entered.Wait(TimeSpan.FromSeconds(30)));

        using var cancel = new CancellationTokenSource();
        var waiting = storage.WriteAsync(new Dictionary<string, object> { ["late"] = Item(1, null) }, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        blocker.Release();
        await first;
        // The next write goes through; the cancelled one never does.
        await storage.WriteAsync(new Dictionary<string, object> { ["next"] = Item(2, null) });
        Assert.Null(await Read(storage, "late"));
        Assert.NotNull(await Read(storage, "next"));
    }

    [Fact]
    public async Task Concurrent_updates_of_one_etag_in_one_process_let_exactly_one_win()
    {
        var storage = new SqliteStorage(DbPath);
        var seed = Item(0, null);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = seed });
        var etag = (string)seed["eTag"]!;

        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(n => Task.Run(async () =>
        {
            try { await storage.WriteAsync(new Dictionary<string, object> { ["k"] = Item(n, etag), [$"own{n}"] = Item(n, null) }); return n; }
            catch (StorageConcurrencyException) { return 0; }
        })));

        var winner = Assert.Single(results, n => n != 0);
        Assert.Equal(winner, (int)(await Read(storage, "k"))!["n"]!);
        Assert.Equal([$"own{winner}"], (await storage.ReadAsync([.. Enumerable.Range(1, 20).Select(n => $"own{n}")])).Keys);
    }

    /// <summary>A value whose serialisation waits until released: it holds the committer in the middle of a group.</summary>
    private sealed class BlockingItem : IStoreItem, IDisposable
    {
        private readonly ManualResetEventSlim _release = new();

        // A field, so that the serialiser leaves it alone.
        public readonly ManualResetEventSlim Entered = new();
        public string? ETag { get; set; }

        public int N
        {
            get
            {
                Entered.Set();
                _release.Wait(TimeSpan.FromSeconds(30));
                return 1;
            }
        }

        public void Release() => _release.Set();

        public void Dispose()
        {
            _release.Dispose();
            Entered.Dispose();
        }
    }
}
