namespace DelegateBot.Reminders.Scheduling;

/// <summary>
/// The delivery engine (<see cref="IBroadcasts"/>, registered by Reminders/Delivery) as the jobs find it. Resolved
/// when a job fires, so a host without it still starts and schedules, and says plainly what is missing.
/// </summary>
internal static class DeliveryEngine
{
    public const string Missing = "No delivery engine is registered (IBroadcasts, from the reminders delivery feature): the scheduled message cannot be sent.";

    public static IBroadcasts From(IServiceProvider services) =>
        services.GetService<IBroadcasts>() ?? throw new InvalidOperationException(Missing);
}
