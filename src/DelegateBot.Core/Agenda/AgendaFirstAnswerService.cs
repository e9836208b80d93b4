using DelegateBot.Core.Knowledge;

namespace DelegateBot.Core.Agenda;

/// <summary>
/// Asks the agenda first ("what's next?", "how many days are left to register?") and the document search
/// otherwise, so the bot and the CLI render agenda answers like any other answer.
/// </summary>
public sealed class AgendaFirstAnswerService(AgendaService agenda, IAnswerService inner) : IAnswerService
{
    public Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default) =>
        agenda.TryAnswer(request.Text) is { } answer ? Task.FromResult(answer) : inner.AskAsync(request, cancellationToken);
}
