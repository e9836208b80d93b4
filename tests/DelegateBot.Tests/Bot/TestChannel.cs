using System.Collections.Concurrent;
using System.Text.Json;
using DelegateBot.BotFramework.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DelegateBot.Tests.Bot;

/// <summary>
/// A channel on loopback speaking Connector v3: it records every call the bot makes back
/// (method, raw escaped path, authorization header, activity) and answers with a ResourceResponse,
/// or with what an optional responder decides (a 429, a 403, a request left hanging...).
/// </summary>
public sealed class TestChannel : IAsyncDisposable
{
    public sealed record Call(string Method, string RawPath, string? Authorization, Activity? Activity);

    /// <summary>The answer to a call, or null for the normal 200 with a ResourceResponse.</summary>
    public delegate Task<IResult?> Responder(Call call, HttpContext http);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Call> _calls = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private TestChannel(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";
    public IReadOnlyList<Call> Calls => [.. _calls];

    public static async Task<TestChannel> StartAsync(Responder? respond = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // Thousands of calls in the delivery tests: the per-request log lines would only slow them down.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var channel = new TestChannel(app);
        app.Map("/v3/conversations/{**rest}", async (HttpContext http) =>
        {
            Activity? activity = null;
            if (http.Request.ContentLength is > 0 || http.Request.Headers.ContentType.Count > 0)
                activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, BotJson.Options);
            var raw = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
            var call = new Call(http.Request.Method, raw, http.Request.Headers.Authorization.ToString(), activity);
            channel._calls.Enqueue(call);
            channel._arrived.Release();
            if (respond is not null && await respond(call, http) is { } answer) return answer;
            return Results.Json(new ResourceResponse { Id = Guid.NewGuid().ToString("N") });
        });
        await app.StartAsync();
        channel.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return channel;
    }

    /// <summary>Waits until at least <paramref name="count"/> calls have arrived (fails after a generous limit).</summary>
    public async Task<IReadOnlyList<Call>> WaitForCallsAsync(int count)
    {
        while (_calls.Count < count)
        {
            if (!await _arrived.WaitAsync(TimeSpan.FromSeconds(60)))
                throw new TimeoutException($"Expected {count} calls from the bot, got {_calls.Count}: {string.Join(", ", _calls.Select(c => c.Activity?.Type + " " + c.Activity?.Text))}");
        }
        return Calls;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
