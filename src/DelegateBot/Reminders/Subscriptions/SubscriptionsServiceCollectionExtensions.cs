using DelegateBot.Bot;
using DelegateBot.Registration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DelegateBot.Reminders.Subscriptions;

public static class SubscriptionsServiceCollectionExtensions
{
    /// <summary>
    /// Subscriptions: every conversation's reference recorded on each turn (an <see cref="ITurnObserver"/>), and the
    /// delegates' commands (stop/start reminders, my/all sessions, mute/unmute). Needs AddAgenda for meeting names.
    /// </summary>
    public static IServiceCollection AddReminderSubscriptions(this IServiceCollection services)
    {
        services.AddReminderSubscriptionStore();
        services.TryAddSingleton<ConversationRecorder>();
        services.AddSingleton<ITurnObserver>(sp => sp.GetRequiredService<ConversationRecorder>());
        services.TryAddSingleton<SubscriptionConversation>();
        services.AddSingleton<IConversationFeature>(sp => sp.GetRequiredService<SubscriptionConversation>());
        return services;
    }

    /// <summary>The store alone (the CLI, the delivery engine), with the registrations that "my sessions" reads.</summary>
    public static IServiceCollection AddReminderSubscriptionStore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddRemindersDatabase();
        services.AddRegistrationStore();
        services.TryAddSingleton<SubscriptionStore>();
        return services;
    }
}
