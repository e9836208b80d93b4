using DelegateBot.BotFramework.Builder;

namespace DelegateBot.Bot;

/// <summary>
/// A feature that may take a message before it is treated as a question (registration, subscriptions...).
/// <see cref="DelegateBotHandler"/> offers each message to the registered features in order; the first that
/// returns true has handled it.
/// </summary>
public interface IConversationFeature
{
    Task<bool> TryHandleAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
