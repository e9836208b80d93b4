using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DelegateBot.Dialogs;

public static class DialogsServiceCollectionExtensions
{
    /// <summary>The dialog system's services: options from "Dialogs", the clock, and the EN/FR prompt recognisers.</summary>
    public static IServiceCollection AddDialogs(this IServiceCollection services)
    {
        services.AddOptions<DialogOptions>().BindConfiguration(DialogOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PromptRecognizers>();
        return services;
    }
}
