using DelegateBot.Bot;
using DelegateBot.Core.Registrations;
using DelegateBot.Dialogs;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DelegateBot.Registration;

public static class RegistrationServiceCollectionExtensions
{
    /// <summary>
    /// Registration: the flow from Registration:DefinitionPath, the SQLite store, meetings from the agenda
    /// (call AddAgenda too), the bot's message feature, organisers from "Organisers", the admin key from "Admin".
    /// </summary>
    public static IServiceCollection AddRegistration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RegistrationOptions>().Bind(configuration.GetSection(RegistrationOptions.Section));
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.Section));
        services.AddDialogs();
        services.AddRegistrationStore();
        services.TryAddSingleton<IMeetingCatalog, AgendaMeetingCatalog>();
        services.TryAddSingleton<RegistrationMeetings>();
        services.TryAddSingleton<OrganiserDirectory>();
        services.TryAddSingleton<RegistrationConversation>();
        services.AddSingleton<IConversationFeature>(sp => sp.GetRequiredService<RegistrationConversation>());
        services.AddHostedService<DefinitionCheckAtStartup>();
        return services;
    }

    /// <summary>The store and the definition alone (what the CLI needs).</summary>
    public static IServiceCollection AddRegistrationStore(this IServiceCollection services)
    {
        services.AddOptions<RegistrationOptions>().BindConfiguration(RegistrationOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        // Resolved when first used, so settings added late (tests, environment) are seen.
        services.TryAddSingleton(sp => new RegistrationStore(DatabasePath(sp.GetRequiredService<IConfiguration>()), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<RegistrationDefinitionSource>();
        return services;
    }

    /// <summary>Registration:DatabasePath, else registrations.db next to the bot's state database (Storage:SqlitePath).</summary>
    public static string DatabasePath(IConfiguration configuration)
    {
        var configured = configuration[$"{RegistrationOptions.Section}:DatabasePath"];
        return string.IsNullOrWhiteSpace(configured) ? BotStorageOptions.BesideStateDatabase(configuration, "registrations.db") : configured;
    }

    /// <summary>Reads the definition at start-up, so a broken file shows in the log at once, not at the first registration.</summary>
    private sealed class DefinitionCheckAtStartup(RegistrationDefinitionSource source) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = source.Definition;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
