using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DelegateBot.DirectLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DelegateBot.Tests.DirectLine;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 (random port), with a temp data folder, an optional fake clock and an
/// optional stand-in bot behind the <see cref="IDirectLineBot"/> seam. Everything goes through real HTTP.
/// </summary>
public sealed class DirectLineHost : IAsyncDisposable
{
    public const string Secret = "test-secret-0123456789abcdef";

    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _dataDirectory;
    private readonly bool _ownsData;

    private DirectLineHost(WebApplicationFactory<Program> factory, string dataDirectory, bool ownsData, Uri baseAddress)
    {
        _factory = factory;
        _dataDirectory = dataDirectory;
        _ownsData = ownsData;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    public string KeyFile => Path.Combine(_dataDirectory, "directline-token.key");

    /// <summary>
    /// Starts the host. <paramref name="settings"/> override configuration; <paramref name="bot"/> stands in for
    /// the bot (default: one that never answers); <paramref name="realBot"/> keeps the host's own bot (CloudAdapter
    /// with DelegateBotHandler over the repository's knowledge/).
    /// </summary>
    public static DirectLineHost Start(IDictionary<string, string?>? settings = null, IDirectLineBot? bot = null, TimeProvider? time = null,
        string? dataDirectory = null, bool realBot = false)
    {
        if (!realBot) bot ??= new TestBot { Silent = true };
        var data = dataDirectory ?? Directory.CreateTempSubdirectory("delegatebot-dl-").FullName;
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            // A free port on loopback (the host defaults to localhost:3978 only when no urls are configured).
            web.UseSetting("urls", "http://127.0.0.1:0");
            web.UseSetting("DirectLine:KeyFile", Path.Combine(data, "directline-token.key"));
            web.UseSetting("Storage:SqlitePath", Path.Combine(data, "delegatebot.db"));
            web.UseSetting("Knowledge:Path", Path.Combine(NodeTools.RepositoryRoot, "knowledge"));
            web.UseSetting("Knowledge:Watch", "false");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
                web.UseSetting(key, value);
            web.ConfigureServices(services =>
            {
                if (time != null) services.Replace(ServiceDescriptor.Singleton(time));
                if (bot != null) services.Replace(ServiceDescriptor.Singleton(bot));
            });
        });
        factory.UseKestrel();
        try
        {
            factory.StartServer();
        }
        catch
        {
            factory.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (dataDirectory is null) Directory.Delete(data, recursive: true);
            throw;
        }
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        if (bot is TestBot testBot) testBot.ConnectorKey = factory.Services.GetRequiredService<DirectLineConnectorKey>().Value;
        return new DirectLineHost(factory, data, dataDirectory is null, new Uri(address.Replace("://localhost:", "://127.0.0.1:").Replace("://[::]:", "://127.0.0.1:")));
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A token from the page's own endpoint (anonymous user), as the chat page gets it.</summary>
    public async Task<JsonObject> PageTokenAsync()
    {
        var response = await Client.PostAsync("/directline/token", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Starts the conversation of a page token; returns (token, conversationId, streamUrl).</summary>
    public async Task<(string Token, string ConversationId, string StreamUrl)> StartConversationAsync()
    {
        var token = (string)(await PageTokenAsync())["token"]!;
        var started = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
        Assert.Equal(System.Net.HttpStatusCode.Created, started.StatusCode);
        var body = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        return (token, (string)body["conversationId"]!, (string)body["streamUrl"]!);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (bearer != null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (body != null) request.Content = JsonContent.Create(body, body.GetType());
        return Client.SendAsync(request);
    }

    public async Task<string> PostMessageAsync(string conversationId, string token, string text, string? clientActivityId = null)
    {
        var response = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, new
        {
            type = "message",
            text,
            from = new { id = "someone-else", name = "Delegate" },
            channelData = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString("N") },
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    public async Task<(JsonArray Activities, string Watermark)> GetActivitiesAsync(string conversationId, string token, string? watermark = null)
    {
        var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var set = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return ((JsonArray)set["activities"]!, (string)set["watermark"]!);
    }

    /// <summary>Polls until <paramref name="count"/> activities are there (the bot answers off the request thread).</summary>
    public async Task<JsonArray> WaitForActivitiesAsync(string conversationId, string token, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var (activities, _) = await GetActivitiesAsync(conversationId, token);
            if (activities.Count >= count) return activities;
            await Task.Delay(50, timeout.Token);
        }
    }

    public static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    public static string Pretty(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsData)
            try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
