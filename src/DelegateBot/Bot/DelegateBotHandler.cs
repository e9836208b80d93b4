using DelegateBot.BotFramework.Builder;
using DelegateBot.BotFramework.Schema;
using DelegateBot.Core.Knowledge;
using DelegateBot.Core.Localization;
using DelegateBot.Localization;

namespace DelegateBot.Bot;

/// <summary>The delegates' bot: answers questions from the meeting documents, with citations, and welcomes new members.</summary>
public sealed class DelegateBotHandler(
    IAnswerService answers,
    ConversationState conversationState,
    UserState userState,
    ILogger<DelegateBotHandler> logger,
    TurnLanguage language,
    IEnumerable<IConversationFeature>? features = null,
    IEnumerable<ITurnObserver>? observers = null) : ActivityHandler
{
    /// <summary>The English introduction (locale key welcome.introduction); turns use the user's language.</summary>
    public static string Introduction => Localizer.EnglishDefault.Get("welcome.introduction");

    private readonly IReadOnlyList<IConversationFeature> _features = features?.ToList() ?? [];
    private readonly IReadOnlyList<ITurnObserver> _observers = observers?.ToList() ?? [];

    /// <summary>The English welcome (welcome.greeting).</summary>
    public static string WelcomeText => Welcome(Localizer.EnglishDefault);

    private static string Welcome(Localizer t, string? name = null) => string.IsNullOrWhiteSpace(name)
        ? t.Get("welcome.greeting", ("introduction", t.Get("welcome.introduction")))
        : t.Get("welcome.greetingNamed", ("name", name), ("introduction", t.Get("welcome.introduction")));

    /// <summary>How many earlier questions are passed along for follow-ups.</summary>
    private const int HistoryLength = 5;

    private readonly IStatePropertyAccessor<List<string>> _history = conversationState.CreateProperty<List<string>>("questionHistory");
    private readonly IStatePropertyAccessor<List<string>> _welcomed = conversationState.CreateProperty<List<string>>("welcomedMembers");

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        // First: every reply of the turn, the observers' and the features' too, is in the language chosen here.
        await language.ResolveAsync(turnContext, cancellationToken);
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
            await turnContext.SendActivityAsync(Welcome(turnContext.GetLocalizer()), cancellationToken);
            return;
        }

        await turnContext.SendActivityAsync(Activity.CreateTypingActivity(), cancellationToken);
        var history = await _history.GetAsync(turnContext, () => [], cancellationToken);
        var answer = await answers.AskAsync(new AskRequest(question, [.. history]), cancellationToken);
        logger.LogInformation("Answered '{Question}' (found: {Found}) in {Channel}", question, answer.Found, activity.ChannelId);

        history.Add(question);
        if (history.Count > HistoryLength) history.RemoveRange(0, history.Count - HistoryLength);
        await _history.SetAsync(turnContext, history, cancellationToken);

        await turnContext.SendActivityAsync(AnswerCard.BuildReply(answer, activity.ChannelId, turnContext.GetLocalizer()), cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var welcomed = await _welcomed.GetAsync(turnContext, () => [], cancellationToken);
        foreach (var member in membersAdded.Where(m => !string.IsNullOrEmpty(m.Id)))
        {
            if (welcomed.Contains(member.Id!)) continue;
            var greeting = Activity.CreateMessageActivity(Welcome(turnContext.GetLocalizer(), member.Name));
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
