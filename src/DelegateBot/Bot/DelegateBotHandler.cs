using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Schema;
using DelegateBot.Core.Knowledge;

namespace DelegateBot.Bot;

/// <summary>The delegates' bot: answers questions from the meeting documents, with citations, and welcomes new members.</summary>
public sealed class DelegateBotHandler(
    IAnswerService answers,
    ConversationState conversationState,
    UserState userState,
    ILogger<DelegateBotHandler> logger,
    IEnumerable<IConversationFeature>? features = null,
    IEnumerable<ITurnObserver>? observers = null) : ActivityHandler
{
    public const string Introduction =
        "I answer questions about the conference documents, with the source of each answer. " +
        "Try \"Who chairs panel two?\" or \"When is the seminar?\". " +
        "To register for a meeting, say \"I want to register\".";

    private readonly IReadOnlyList<IConversationFeature> _features = features?.ToList() ?? [];
    private readonly IReadOnlyList<ITurnObserver> _observers = observers?.ToList() ?? [];

    public const string WelcomeText = "Hello! " + Introduction;

    /// <summary>How many earlier questions are passed along for follow-ups.</summary>
    private const int HistoryLength = 5;

    private readonly IStatePropertyAccessor<List<string>> _history = conversationState.CreateProperty<List<string>>("questionHistory");
    private readonly IStatePropertyAccessor<List<string>> _welcomed = conversationState.CreateProperty<List<string>>("welcomedMembers");

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        foreach (var observer in _observers)
        {
            try { await observer.OnTurnAsync(turnContext, cancellationToken); }
            catch (Exception e) when (e is not OperationCanceledException) { logger.LogError(e, "{Observer} failed on a {Type} activity", observer.GetType().Name, turnContext.Activity.Type); }
        }
        await base.OnTurnAsync(turnContext, cancellationToken);
        // Saved after each turn; a concurrent writer makes the save fail instead of losing its changes.
        await conversationState.SaveChangesAsync(turnContext, cancellationToken: cancellationToken);
        await userState.SaveChangesAsync(turnContext, cancellationToken: cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var question = activity.RemoveRecipientMention()?.Trim();
        // Features first: a registration in progress, "I want to register", a card button (which may carry no text).
        foreach (var feature in _features)
        {
            if (await feature.TryHandleAsync(turnContext, cancellationToken)) return;
        }
        if (string.IsNullOrEmpty(question))
        {
            await turnContext.SendActivityAsync(WelcomeText, cancellationToken);
            return;
        }

        await turnContext.SendActivityAsync(Activity.CreateTypingActivity(), cancellationToken);
        var history = await _history.GetAsync(turnContext, () => [], cancellationToken);
        var answer = await answers.AskAsync(new AskRequest(question, [.. history]), cancellationToken);
        logger.LogInformation("Answered '{Question}' (found: {Found}) in {Channel}", question, answer.Found, activity.ChannelId);

        history.Add(question);
        if (history.Count > HistoryLength) history.RemoveRange(0, history.Count - HistoryLength);
        await _history.SetAsync(turnContext, history, cancellationToken);

        await turnContext.SendActivityAsync(AnswerCard.BuildReply(answer, activity.ChannelId), cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var welcomed = await _welcomed.GetAsync(turnContext, () => [], cancellationToken);
        foreach (var member in membersAdded.Where(m => !string.IsNullOrEmpty(m.Id)))
        {
            if (welcomed.Contains(member.Id!)) continue;
            var greeting = Activity.CreateMessageActivity(string.IsNullOrWhiteSpace(member.Name) ? WelcomeText : $"Hello {member.Name}! {Introduction}");
            await turnContext.SendActivityAsync(greeting, cancellationToken);
            welcomed.Add(member.Id!);
        }
        await _welcomed.SetAsync(turnContext, welcomed, cancellationToken);
    }

    /// <summary>Teams sends installationUpdate add when the app is installed for a user or in a team.</summary>
    protected override async Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.From is { Id: { Length: > 0 } } from)
            await OnMembersAddedAsync([from], turnContext, cancellationToken);
    }
}
