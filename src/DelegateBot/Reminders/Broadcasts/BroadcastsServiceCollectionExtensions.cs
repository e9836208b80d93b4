using DelegateBot.Bot;
using DelegateBot.Registration;
using DelegateBot.Reminders.Delivery;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DelegateBot.Reminders.Broadcasts;

public static class BroadcastsServiceCollectionExtensions
{
    /// <summary>
    /// Organisers' broadcasts: the chat commands (organisers from "Organisers"), the service shared with the admin
    /// API (MapOrganiserBroadcasts) and the CLI. Needs AddAgenda, AddBot and AddReminderScheduling for "at a time".
    /// </summary>
    public static IServiceCollection AddOrganiserBroadcasts(this IServiceCollection services)
    {
        services.AddReminderDeliveryStore();
        services.TryAddSingleton<OrganiserDirectory>();
        services.TryAddSingleton<OrganiserBroadcasts>();
        services.TryAddSingleton<OrganiserBroadcastConversation>();
        services.AddSingleton<IConversationFeature>(sp => sp.GetRequiredService<OrganiserBroadcastConversation>());
        return services;
    }
}
