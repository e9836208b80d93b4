using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DelegateBot.AzureOpenAI.Tests;

/// <summary>A request as the server received it.</summary>
public sealed record ReceivedRequest(string Path, string? ApiKey, string? Authorization, string? Model, string System, string User);

/// <summary>What the server does with the next request.</summary>
public abstract record ScriptedReply
{
    public sealed record Content(string Text) : ScriptedReply;
    public sealed record Raw(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null) : ScriptedReply;
    public sealed record Slow(TimeSpan Delay, string Text) : ScriptedReply;
}

/// <summary>
/// An OpenAI-compatible chat completions server on 127.0.0.1 (the Azure OpenAI v1 API shape) that answers with
/// scripted replies in order and rejects requests with the wrong path, deployment or key, as Azure would.
/// </summary>
public sealed class ScriptedOpenAIServer : IAsyncDisposable
{
    public const string ApiKey = "test-key-123";
    public const string Deployment = "gpt-test-deployment";
    public const string EmbeddingDeployment = "embed-test-deployment";
    public const int Dimensions = 64;

    /// <summary>The inputs of every embeddings request, one array per request.</summary>
    public ConcurrentQueue<string[]> EmbeddingRequests { get; } = new();

    /// <summary>When set, embeddings requests get this status instead of vectors.</summary>
    public int? EmbeddingFailure { get; set; }

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedReply> _replies = new();
    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();
    public string Endpoint { get; private set; } = "";

    private ScriptedOpenAIServer(WebApplication app) => _app = app;

    public static async Task<ScriptedOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedOpenAIServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = address;
        return server;
    }

    public void Enqueue(params ScriptedReply[] replies)
    {
        foreach (var r in replies) _replies.Enqueue(r);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var doc = await JsonDocument.ParseAsync(context.Request.Body);
        var root = doc.RootElement;
        string Message(string role) => root.TryGetProperty("messages", out var ms)
            ? string.Join("\n", ms.EnumerateArray().Where(m => m.GetProperty("role").GetString() == role).Select(m => m.GetProperty("content").GetString()))
            : "";
        var request = new ReceivedRequest(
            context.Request.Path.Value ?? "",
            context.Request.Headers["api-key"].FirstOrDefault(),
            context.Request.Headers.Authorization.FirstOrDefault(),
            root.TryGetProperty("model", out var model) ? model.GetString() : null,
            Message("system"),
            Message("user"));
        Received.Enqueue(request);

        if (request.Path == "/openai/v1/embeddings" && request.ApiKey == ApiKey && request.Model == EmbeddingDeployment)
        {
            await WriteEmbeddings(context, root);
            return;
        }
        if (request.Path != "/openai/v1/chat/completions") { context.Response.StatusCode = 404; return; }
        if (request.ApiKey != ApiKey) { context.Response.StatusCode = 401; return; }
        if (request.Model != Deployment) { context.Response.StatusCode = 404; await context.Response.WriteAsync("{\"error\":{\"code\":\"DeploymentNotFound\"}}"); return; }
        if (!_replies.TryDequeue(out var reply)) { context.Response.StatusCode = 500; return; }

        switch (reply)
        {
            case ScriptedReply.Content c:
                await WriteCompletion(context, c.Text);
                break;
            case ScriptedReply.Slow s:
                try { await Task.Delay(s.Delay, context.RequestAborted); } catch (OperationCanceledException) { return; }
                await WriteCompletion(context, s.Text);
                break;
            case ScriptedReply.Raw r:
                context.Response.StatusCode = r.Status;
                foreach (var (k, v) in r.Headers ?? new Dictionary<string, string>()) context.Response.Headers[k] = v;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(r.Body);
                break;
        }
    }

    private async Task WriteEmbeddings(HttpContext context, JsonElement root)
    {
        var input = root.GetProperty("input");
        var texts = input.ValueKind == JsonValueKind.Array ? input.EnumerateArray().Select(e => e.GetString() ?? "").ToArray() : [input.GetString() ?? ""];
        EmbeddingRequests.Enqueue(texts);
        if (EmbeddingFailure is { } status) { context.Response.StatusCode = status; return; }
        var base64 = root.TryGetProperty("encoding_format", out var f) && f.GetString() == "base64";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            @object = "list",
            model = EmbeddingDeployment,
            data = texts.Select((t, i) => new
            {
                @object = "embedding",
                index = i,
                embedding = base64 ? (object)Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Vector(t).AsSpan()).ToArray()) : Vector(t),
            }).ToArray(),
            usage = new { prompt_tokens = 1, total_tokens = 1 },
        }));
    }

    /// <summary>A deterministic "embedding": hashed bag of lower-cased words, so similar texts are close.</summary>
    public static float[] Vector(string text)
    {
        var v = new float[Dimensions];
        foreach (var word in text.ToLowerInvariant().Split((char[])[' ', '\n', ',', '.', '?', ':', ';', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
            v[(int)((uint)StableHash(word) % Dimensions)] += 1;
        return v;
    }

    private static int StableHash(string s)
    {
        var h = 17;
        foreach (var c in s) h = unchecked(h * 31 + c);
        return h;
    }

    private static Task WriteCompletion(HttpContext context, string text)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = Deployment,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 10, completion_tokens = 5, total_tokens = 15 },
        }));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
