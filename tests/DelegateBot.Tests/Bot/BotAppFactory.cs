using System.Net.Http.Json;
using DelegateBot.BotFramework.Schema;
using Microsoft.AspNetCore.Hosting;
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
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
