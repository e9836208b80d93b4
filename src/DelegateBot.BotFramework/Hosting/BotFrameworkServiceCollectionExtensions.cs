using DelegateBot.BotFramework.Auth;
using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Connector;
using DelegateBot.BotFramework.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DelegateBot.BotFramework.Hosting;

public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// The protocol services: <see cref="CloudAdapter"/>, <see cref="ConnectorClient"/>, inbound authentication,
    /// ConversationState/UserState over the registered <see cref="IStorage"/> (MemoryStorage unless one is added).
    /// Credentials come from the top-level keys MicrosoftAppType/MicrosoftAppId/MicrosoftAppPassword/MicrosoftAppTenantId.
    /// </summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotFrameworkOptions>()
            .Bind(configuration)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IStorage, MemoryStorage>();
        services.TryAddSingleton(sp => new ConversationState(sp.GetRequiredService<IStorage>()));
        services.TryAddSingleton(sp => new UserState(sp.GetRequiredService<IStorage>()));
        services.AddHttpClient(nameof(ConnectorClient), c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(nameof(OpenIdKeyCache), c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(nameof(BotTokenProvider));
        // Durable in the bot's IStorage (SQLite in the host), so proactive messages after a restart carry tokens.
        services.TryAddSingleton<IServiceUrlTrustStore>(sp => new StorageServiceUrlTrustStore(sp.GetRequiredService<IStorage>()));
        services.TryAddSingleton<BotTokenProvider>();
        services.TryAddSingleton(sp =>
        {
            var tokens = sp.GetRequiredService<BotTokenProvider>();
            // serviceUrls with credentials of their own (an in-process channel) never get the bot's MSAL token.
            var own = sp.GetServices<IServiceUrlCredentials>().ToArray();
            return new ConnectorClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ConnectorClient)))
            {
                TokenProvider = (serviceUrl, ct) => own.FirstOrDefault(c => c.AppliesTo(serviceUrl)) is { } credentials
                    ? credentials.GetTokenAsync(serviceUrl, ct)
                    : tokens.GetTokenAsync(serviceUrl, ct),
            };
        });
        services.TryAddSingleton<IInboundAuthenticator, BotFrameworkAuthenticator>();
        services.TryAddSingleton<CloudAdapter>();
        services.AddHostedService<AnonymousModeWarning>();
        services.AddHostedService<ExpiredItemsSweeper>();
        return services;
    }

    /// <summary>Gives each configuration problem its own clear sentence at start-up.</summary>
    private sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
    {
        public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }

    /// <summary>Says loudly at start-up that the endpoint accepts anyone when no app id is configured.</summary>
    private sealed class AnonymousModeWarning(IOptions<BotFrameworkOptions> options, ILogger<CloudAdapter> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (options.Value.IsAnonymous)
                logger.LogWarning("MicrosoftAppId is empty: /api/messages accepts unauthenticated requests and replies without a token. " +
                                  "This is for local use with the Bot Framework Emulator only; set MicrosoftAppId/MicrosoftAppPassword before exposing the bot.");
            else
                logger.LogInformation("Bot Framework authentication on for app id {AppId} ({AppType})", options.Value.MicrosoftAppId, options.Value.MicrosoftAppType);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
