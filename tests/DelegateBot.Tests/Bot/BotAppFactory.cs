using System.Net.Http.Json;
using DelegateBot.BotFramework.Schema;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DelegateBot.Tests.Bot;

/// <summary>The real host with the repository's seed documents and its state in a temp folder.</summary>
public sealed class BotAppFactory(string dataFolder, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public static string RepoKnowledgeFolder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "DelegateBot.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Repository root not found"), "knowledge");
        }
    }

    public string DatabasePath => Path.Combine(dataFolder, "delegatebot.db");

    /// <summary>
    /// Serves the host on Kestrel at 127.0.0.1 (a free port) for clients in other processes (Node, the CLI chat);
    /// returns the URL of /api/messages. Call before anything else uses the factory.
    /// </summary>
    public Uri StartOnLoopback()
    {
        UseKestrel();
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.TrimEnd('/') + "/api/messages");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Only used with StartOnLoopback; the in-memory test server ignores it.
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Knowledge:Path", RepoKnowledgeFolder);
        builder.UseSetting("Knowledge:Watch", "false");
        builder.UseSetting("Storage:SqlitePath", DatabasePath);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        if (services != null) builder.ConfigureServices(services);
    }

    public static Activity Message(string serviceUrl, string text, string? id = null, string conversation = "conv-1", string channelId = "emulator") => new()
    {
        Type = ActivityTypes.Message,
        Id = id ?? Guid.NewGuid().ToString("N"),
        Text = text,
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        From = new ChannelAccount { Id = "user-1", Name = "Delegate" },
        Recipient = new ChannelAccount { Id = "bot-1", Name = "DelegateBot", Role = "bot" },
        Conversation = new ConversationAccount { Id = conversation },
    };

    public Task<HttpResponseMessage> PostAsync(Activity activity) =>
        CreateClient().PostAsJsonAsync("/api/messages", activity, BotJson.Options);
}
