namespace DelegateBot.BotFramework.Builder;

/// <summary>Saves the given state scopes after every turn that completes (SDK: AutoSaveStateMiddleware).</summary>
public sealed class AutoSaveStateMiddleware(params BotState[] botStates) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken = default)
    {
        await next(cancellationToken).ConfigureAwait(false);
        foreach (var state in botStates) await state.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
    }
}
