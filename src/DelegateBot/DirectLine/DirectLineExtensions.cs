using DelegateBot.BotFramework.Connector;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DelegateBot.DirectLine;

/// <summary>Adds our own Direct Line 3.0 channel and the Web Chat page to the host.</summary>
public static class DirectLineExtensions
{
    internal const string CorsPolicy = "DirectLine";

    /// <summary>Services of the Direct Line channel (section "DirectLine"; every key has a default).</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineSigningKey>();
        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<DirectLineAuth>();
        services.AddSingleton<DirectLineConversationStore>();
        services.AddSingleton<DirectLineConnectorKey>();
        services.AddSingleton<DirectLineServiceUrl>();
        services.AddSingleton<DirectLineChannel>();
        // The bot behind the channel: the host's CloudAdapter and IBot (AddBot), in process.
        services.TryAddSingleton<IDirectLineBot, AdapterDirectLineBot>();
        services.AddSingleton<IServiceUrlCredentials, DirectLineServiceUrlCredentials>();
        services.AddHostedService<DirectLineSweeper>();

        // Browsers on other origins (a meeting page embedding Web Chat) may call /v3/directline with a bearer token.
        var origins = configuration.GetSection($"{DirectLineOptions.SectionName}:{nameof(DirectLineOptions.CorsOrigins)}").Get<string[]>() ?? ["*"];
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
        {
            if (origins.Length == 0 || origins.Contains("*")) policy.AllowAnyOrigin();
            else policy.WithOrigins([.. origins.Select(o => o.TrimEnd('/'))]);
            policy.WithMethods("GET", "POST").WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent")
                  .WithExposedHeaders("Retry-After").SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        }));
        return services;
    }

    /// <summary>
    /// Maps /v3/directline (REST and WebSocket, with CORS), the bot's Connector routes under /directline/v3,
    /// POST /directline/token and the chat page at "/" with its /webchat/ assets.
    /// </summary>
    public static WebApplication MapDirectLine(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments(DirectLineApi.Prefix), branch =>
        {
            branch.UseCors(CorsPolicy);
            branch.UseWebSockets();
        });
        DirectLineApi.Map(app);
        DirectLineConnectorApi.Map(app);
        WebChatPage.Map(app);
        return app;
    }
}
