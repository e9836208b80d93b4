using DelegateBot.BotFramework.Schema;

namespace DelegateBot.BotFramework.Builder;

/// <summary>The default turn context: fills in the addressing of outgoing activities and hands them to the adapter.</summary>
public sealed class TurnContext : ITurnContext
{
    private readonly List<SendActivitiesHandler> _onSend = [];

    public TurnContext(BotAdapter adapter, Activity activity)
    {
        Adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        Activity = activity ?? throw new ArgumentNullException(nameof(activity));
    }

    public BotAdapter Adapter { get; }
    public Activity Activity { get; }
    public TurnContextStateCollection TurnState { get; } = new();
    public bool Responded { get; private set; }

    /// <summary>Activities sent in this turn (for expectReplies delivery and for tests).</summary>
    public List<Activity> SentActivities { get; } = [];

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        _onSend.Add(handler);
        return this;
    }

    public Task<ResourceResponse?> SendActivityAsync(string text, CancellationToken cancellationToken = default)
        => SendActivityAsync(Activity.CreateMessageActivity(text), cancellationToken);

    public async Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var responses = await SendActivitiesAsync([activity], cancellationToken).ConfigureAwait(false);
        return responses.Length > 0 ? responses[0] : null;
    }

    public async Task<ResourceResponse[]> SendActivitiesAsync(IEnumerable<Activity> activities, CancellationToken cancellationToken = default)
    {
        var reference = Activity.GetConversationReference();
        var batch = activities.Select(a => ApplyConversationReference(a, reference)).ToList();
        var index = 0;

        Task<ResourceResponse[]> Next()
        {
            if (index < _onSend.Count)
            {
                var handler = _onSend[index++];
                return handler(this, batch, Next);
            }
            return SendCoreAsync(batch, cancellationToken);
        }

        return await Next().ConfigureAwait(false);
    }

    private async Task<ResourceResponse[]> SendCoreAsync(List<Activity> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return [];
        var responses = await Adapter.SendActivitiesAsync(this, batch, cancellationToken).ConfigureAwait(false);
        SentActivities.AddRange(batch);
        if (batch.Any(a => a.Type != ActivityTypes.Trace)) Responded = true;
        return responses;
    }

    public Task<ResourceResponse?> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
        => Adapter.UpdateActivityAsync(this, ApplyConversationReference(activity, Activity.GetConversationReference()), cancellationToken);

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default)
    {
        var reference = Activity.GetConversationReference();
        reference.ActivityId = activityId;
        return Adapter.DeleteActivityAsync(this, reference, cancellationToken);
    }

    /// <summary>Addresses an outgoing activity from the bot to the user of this conversation (SDK: ApplyConversationReference).</summary>
    public static Activity ApplyConversationReference(Activity activity, ConversationReference reference, bool isIncoming = false)
    {
        activity.ChannelId = reference.ChannelId;
        activity.ServiceUrl = reference.ServiceUrl;
        activity.Conversation = reference.Conversation;
        activity.Locale ??= reference.Locale;
        if (isIncoming)
        {
            activity.From = reference.User;
            activity.Recipient = reference.Bot;
            if (reference.ActivityId != null) activity.Id = reference.ActivityId;
        }
        else
        {
            activity.From = reference.Bot;
            activity.Recipient = reference.User;
            if (reference.ActivityId != null && activity.ReplyToId is null) activity.ReplyToId = reference.ActivityId;
        }
        activity.Type ??= ActivityTypes.Message;
        return activity;
    }
}
