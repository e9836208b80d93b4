using DelegateBot.BotFramework.Schema;

namespace DelegateBot.BotFramework.Builder;

/// <summary>The bot's logic: called once per incoming activity (SDK: IBot).</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}

public delegate Task<ResourceResponse[]> SendActivitiesHandler(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next);

/// <summary>One turn of a conversation: the incoming activity and the means to reply (SDK: ITurnContext).</summary>
public interface ITurnContext
{
    BotAdapter Adapter { get; }
    Activity Activity { get; }
    /// <summary>Per-turn services and cached state (state objects, the connector client, the identity).</summary>
    TurnContextStateCollection TurnState { get; }
    /// <summary>True once any non-trace activity has been sent in this turn.</summary>
    bool Responded { get; }

    Task<ResourceResponse?> SendActivityAsync(string text, CancellationToken cancellationToken = default);
    Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);
    Task<ResourceResponse[]> SendActivitiesAsync(IEnumerable<Activity> activities, CancellationToken cancellationToken = default);
    Task<ResourceResponse?> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);
    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default);

    /// <summary>Hook that sees (and may change) every outgoing batch, as middleware does in the SDK.</summary>
    ITurnContext OnSendActivities(SendActivitiesHandler handler);
}

/// <summary>Typed bag of per-turn objects.</summary>
public sealed class TurnContextStateCollection : Dictionary<string, object>
{
    public T? Get<T>() where T : class => TryGetValue(typeof(T).FullName!, out var v) ? v as T : null;
    public T? Get<T>(string key) where T : class => TryGetValue(key, out var v) ? v as T : null;
    public void Set<T>(T value) where T : class => this[typeof(T).FullName!] = value;
    public void Set<T>(string key, T value) where T : class => this[key] = value;
}
