using System.Globalization;
using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.BotFramework.Testing;

/// <summary>
/// An in-process channel for tests and local tools (SDK: TestAdapter): builds user activities for one
/// conversation, runs the middleware and the bot on them, and queues whatever the bot sends so a
/// <see cref="TestFlow"/> can check it. State goes through whatever IStorage the bot was given.
/// </summary>
public sealed class TestAdapter : BotAdapter
{
    private readonly Queue<Activity> _replies = new();
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private int _nextId;

    public TestAdapter(string channelId = "test", string? locale = "en-US", TimeProvider? timeProvider = null, string conversationId = "conversation-1", string userId = "user1")
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        Locale = locale;
        Conversation = new ConversationReference
        {
            ChannelId = channelId,
            ServiceUrl = "https://test.invalid/",
            User = new ChannelAccount { Id = userId, Name = "User", Role = "user" },
            Bot = new ChannelAccount { Id = "bot", Name = "DelegateBot", Role = "bot" },
            Conversation = new ConversationAccount { Id = conversationId, Name = "Conversation" },
            Locale = locale,
        };
    }

    /// <summary>The conversation every activity made by <see cref="MakeActivity"/> belongs to.</summary>
    public ConversationReference Conversation { get; set; }

    /// <summary>The locale of the activities the "user" sends (changeable mid-conversation).</summary>
    public string? Locale { get; set; }

    /// <summary>Everything the bot sent, in order (the queue is consumed by assertions; this is not).</summary>
    public List<Activity> Transcript { get; } = [];

    public List<Activity> Updated { get; } = [];
    public List<ConversationReference> Deleted { get; } = [];

    /// <summary>A message from the user of <see cref="Conversation"/>.</summary>
    public Activity MakeActivity(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture),
        Timestamp = _timeProvider.GetUtcNow(),
        From = Conversation.User,
        Recipient = Conversation.Bot,
        Conversation = Conversation.Conversation,
        ChannelId = Conversation.ChannelId,
        ServiceUrl = Conversation.ServiceUrl,
        Locale = Locale,
        Text = text,
    };

    public Task SendTextToBotAsync(string text, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken = default)
        => ProcessActivityAsync(MakeActivity(text), callback, cancellationToken);

    /// <summary>Runs one turn: fills in missing addressing, then the middleware and the bot.</summary>
    public async Task ProcessActivityAsync(Activity activity, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken = default)
    {
        activity.Type ??= ActivityTypes.Message;
        activity.ChannelId ??= Conversation.ChannelId;
        activity.From ??= Conversation.User;
        activity.Recipient ??= Conversation.Bot;
        activity.Conversation ??= Conversation.Conversation;
        activity.ServiceUrl ??= Conversation.ServiceUrl;
        activity.Id ??= Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        activity.Timestamp ??= _timeProvider.GetUtcNow();
        var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, callback, cancellationToken).ConfigureAwait(false);
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Count];
        lock (_lock)
        {
            for (var i = 0; i < activities.Count; i++)
            {
                var activity = activities[i];
                activity.Id ??= Guid.NewGuid().ToString();
                activity.Timestamp ??= _timeProvider.GetUtcNow();
                _replies.Enqueue(activity);
                Transcript.Add(activity);
                responses[i] = new ResourceResponse { Id = activity.Id };
            }
        }
        return Task.FromResult(responses);
    }

    public override Task<ResourceResponse?> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        lock (_lock) Updated.Add(activity);
        return Task.FromResult<ResourceResponse?>(new ResourceResponse { Id = activity.Id });
    }

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
    {
        lock (_lock) Deleted.Add(reference);
        return Task.CompletedTask;
    }

    /// <summary>The oldest reply not yet taken, or null.</summary>
    public Activity? GetNextReply()
    {
        lock (_lock) return _replies.Count > 0 ? _replies.Dequeue() : null;
    }
}
