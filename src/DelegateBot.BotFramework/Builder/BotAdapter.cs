using DelegateBot.BotFramework.Schema;

namespace DelegateBot.BotFramework.Builder;

/// <summary>Turn-level middleware (SDK: IMiddleware).</summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken = default);
}

/// <summary>
/// Connects the bot to a channel: runs the middleware pipeline and the bot for each turn, and delivers
/// what the bot sends (SDK: BotAdapter). Transport-specific adapters override the send/update/delete calls.
/// </summary>
public abstract class BotAdapter
{
    private readonly List<IMiddleware> _middleware = [];

    /// <summary>Called when the bot throws; the default rethrows. The SDK's samples send an apology here.</summary>
    public Func<ITurnContext, Exception, Task>? OnTurnError { get; set; }

    public BotAdapter Use(IMiddleware middleware)
    {
        _middleware.Add(middleware);
        return this;
    }

    public abstract Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    public virtual Task<ResourceResponse?> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
        => throw new NotSupportedException("This adapter cannot update activities.");

    public virtual Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
        => throw new NotSupportedException("This adapter cannot delete activities.");

    /// <summary>Runs a proactive turn in an existing conversation (SDK: ContinueConversationAsync).</summary>
    public virtual Task ContinueConversationAsync(ConversationReference reference, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken = default)
    {
        var context = new TurnContext(this, reference.GetContinuationActivity());
        return RunPipelineAsync(context, callback, cancellationToken);
    }

    /// <summary>Runs the middleware in order, then the callback; routes exceptions to <see cref="OnTurnError"/>.</summary>
    protected async Task RunPipelineAsync(ITurnContext turnContext, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken)
    {
        try
        {
            await RunMiddlewareAsync(turnContext, 0, callback, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (OnTurnError != null && ex is not OperationCanceledException)
        {
            await OnTurnError(turnContext, ex).ConfigureAwait(false);
        }
    }

    /// <summary>The middleware and the callback without <see cref="OnTurnError"/>: for adapters that handle some failures themselves.</summary>
    protected Task RunMiddlewareAndCallbackAsync(ITurnContext turnContext, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken)
        => RunMiddlewareAsync(turnContext, 0, callback, cancellationToken);

    private Task RunMiddlewareAsync(ITurnContext context, int index, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken ct)
    {
        if (index == _middleware.Count) return callback(context, ct);
        return _middleware[index].OnTurnAsync(context, c => RunMiddlewareAsync(context, index + 1, callback, c), ct);
    }
}
