namespace DelegateBot.BotFramework.Builder;

/// <summary>
/// What <see cref="CloudAdapter"/> tells the user when a message's turn fails. The host supplies its own (in the
/// user's language); without one the English texts of <see cref="EnglishTurnFailureReplies"/> are used.
/// </summary>
public interface ITurnFailureReplies
{
    /// <summary>The bot threw while answering.</summary>
    string Failed(ITurnContext turnContext);

    /// <summary>The conversation's state changed elsewhere during the turn, after every retry.</summary>
    string Conflict(ITurnContext turnContext);
}

public sealed class EnglishTurnFailureReplies : ITurnFailureReplies
{
    public string Failed(ITurnContext turnContext) => "Sorry, something went wrong on my side while answering. Please try again.";

    public string Conflict(ITurnContext turnContext) =>
        "Sorry, this conversation changed elsewhere while I was answering, so I could not take your last message into account. Please send it again.";
}
