using DelegateBot.Core.Knowledge;
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

    /// <summary>
    /// Puts <see cref="AgendaFirstAnswerService"/> in front of the <see cref="IAnswerService"/> registered so far
    /// (call it after the answer service is added): agenda-shaped questions get agenda answers.
    /// </summary>
    public static IServiceCollection AddAgendaAnswers(this IServiceCollection services)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IAnswerService))
            ?? throw new InvalidOperationException("AddAgendaAnswers needs an IAnswerService registered before it (AddKnowledge).");
        services.Remove(inner);
        services.AddSingleton<IAnswerService>(sp => new AgendaFirstAnswerService(sp.GetRequiredService<AgendaService>(), Resolve(sp, inner)));
        return services;
    }

    private static IAnswerService Resolve(IServiceProvider sp, ServiceDescriptor d) => (IAnswerService)(
        d.ImplementationInstance
        ?? d.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType!));
}
