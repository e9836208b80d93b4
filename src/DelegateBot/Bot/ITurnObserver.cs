using DelegateBot.BotFramework.Builder;

namespace DelegateBot.Bot;

/// <summary>
/// Sees every inbound activity (messages, conversation and installation updates) before the bot handles it, e.g.
/// to remember the conversation for proactive messages. <see cref="DelegateBotHandler"/> calls each registered
/// observer; an observer must not reply, and its failures are logged, never shown to the user.
/// </summary>
public interface ITurnObserver
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
