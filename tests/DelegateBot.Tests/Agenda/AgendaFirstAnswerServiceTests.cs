using DelegateBot.Core.Agenda;
using DelegateBot.Core.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace DelegateBot.Tests.Agenda;

public class AgendaFirstAnswerServiceTests
{
    [Fact]
    public async Task Agenda_questions_are_answered_by_the_agenda_and_others_by_the_documents()
    {
        var documents = new Mock<IAnswerService>();
        documents.Setup(d => d.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((AskRequest r, CancellationToken _) => new Answer(r.Text, true, "from the documents", [], []));
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2011, 5, 19, 13, 30, 0, TimeSpan.FromHours(-4))))
            .AddSingleton(documents.Object)
            .AddAgenda(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Agenda:KnowledgePath"] = AgendaPaths.KnowledgeFolder }).Build())
            .AddAgendaAnswers();
        using var provider = services.BuildServiceProvider();
        var answers = provider.GetRequiredService<IAnswerService>();

        var next = await answers.AskAsync(new AskRequest("What's next?"));
        Assert.StartsWith("Next: Panel two", next.Text);
        var other = await answers.AskAsync(new AskRequest("What are social remittances?"));
        Assert.Equal("from the documents", other.Text);
        documents.Verify(d => d.AskAsync(It.IsAny<AskRequest>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task The_host_answer_service_consults_the_agenda_first()
    {
        using var factory = new AgendaEndpointsTests.Host();
        var answers = factory.Services.GetRequiredService<IAnswerService>();
        Assert.IsType<AgendaFirstAnswerService>(answers);
        var deadlines = await answers.AskAsync(new AskRequest("List the deadlines"));
        Assert.Contains("Friday 2 March 2007: Registration", deadlines.Text);
    }
}
