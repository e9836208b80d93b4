using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DelegateBot.Core.Agenda;

public static class AgendaServiceCollectionExtensions
{
    /// <summary>The agenda feature: <see cref="AgendaService"/> (options from section "Agenda") and the agenda.yaml watcher.</summary>
    public static IServiceCollection AddAgenda(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AgendaOptions>().Bind(configuration.GetSection(AgendaOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AgendaService>();
        services.AddHostedService<AgendaOverridesWatcher>();
        return services;
    }
}
