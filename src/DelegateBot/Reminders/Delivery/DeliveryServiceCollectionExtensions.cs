using DelegateBot.Reminders.Subscriptions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DelegateBot.Reminders.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// The delivery engine in the service: <see cref="IBroadcasts"/> over the ledger, and the worker that sends what
    /// it holds through the bot's CloudAdapter (call AddBot too), rate-limited and retried (Reminders:Delivery).
    /// </summary>
    public static IServiceCollection AddReminderDelivery(this IServiceCollection services)
    {
        services.AddReminderDeliveryStore();
        services.TryAddSingleton<SendRateLimiter>();
        services.TryAddSingleton<ProactiveSender>();
        services.AddHostedService<DeliveryWorker>();
        return services;
    }

    /// <summary>Enqueueing and reports without sending (what the CLI needs); the running service's worker delivers.</summary>
    public static IServiceCollection AddReminderDeliveryStore(this IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>());
        services.AddReminderSubscriptionStore();
        services.TryAddSingleton<BroadcastLedger>();
        services.TryAddSingleton<AudienceResolver>();
        services.TryAddSingleton<DeliverySignal>();
        services.TryAddSingleton<DeliveryReports>();
        services.TryAddSingleton<BroadcastEngine>();
        services.TryAddSingleton<IBroadcasts>(sp => sp.GetRequiredService<BroadcastEngine>());
        return services;
    }

    private sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
    {
        public ValidateOptionsResult Validate(string? name, DeliveryOptions options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
