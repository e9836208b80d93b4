using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Hosting;
using DelegateBot.BotFramework.Storage;
using DelegateBot.Localization;
using Microsoft.Extensions.Options;

namespace DelegateBot.Bot;

/// <summary>Where the bot keeps conversation and user state.</summary>
public sealed class BotStorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The SQLite file; relative paths are taken from the content root (current directory).</summary>
    public string SqlitePath { get; set; } = "data/delegatebot.db";

    /// <summary>
    /// Each commit of state waits for the disk (default). False trades durability across a power cut (the last
    /// commits may be lost; a killed process loses nothing) for one fsync less per turn.
    /// </summary>
    public bool FlushEachCommit { get; set; } = true;

    /// <summary>A file in the folder of the state database (Storage:SqlitePath, default data/): where the other SQLite files go by default.</summary>
    public static string BesideStateDatabase(IConfiguration configuration, string fileName)
    {
        var state = configuration[$"{SectionName}:SqlitePath"];
        var folder = string.IsNullOrWhiteSpace(state) ? "data" : Path.GetDirectoryName(state);
        return Path.Combine(string.IsNullOrEmpty(folder) ? "." : folder, fileName);
    }
}

public static class BotServiceCollectionExtensions
{
    /// <summary>The Bot Framework endpoint with the delegates' bot, state in SQLite (Storage:SqlitePath).</summary>
    public static IServiceCollection AddBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotStorageOptions>().Bind(configuration.GetSection(BotStorageOptions.SectionName));
        // Resolved when first used, so settings added late (tests, environment) are seen.
        services.AddSingleton<IStorage>(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<BotStorageOptions>>().Value;
            return new SqliteStorage(storage.SqlitePath, storage.FlushEachCommit);
        });
        services.AddBotText();
        services.AddBotFramework(configuration);
        services.AddSingleton<IBot, DelegateBotHandler>();
        return services;
    }

    /// <summary>POST /api/messages, the URL an Azure Bot registration and the Emulator point at.</summary>
    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Any method is routed here so that the adapter can answer 405 itself.
        endpoints.Map("/api/messages", (HttpContext http, CloudAdapter adapter, IBot bot) =>
            adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted));
        return endpoints;
    }
}
