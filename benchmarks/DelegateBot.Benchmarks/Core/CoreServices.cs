using DelegateBot.Core.Agenda;
using DelegateBot.Core.Knowledge;
using DelegateBot.Core.Knowledge.Index;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DelegateBot.Benchmarks.Core;

/// <summary>
/// The core as the host and `ask` compose it (knowledge index, agenda first, extractive answers), over a chosen
/// folder, without the web server or hosted services (no watcher: the folder does not change during a run).
/// </summary>
internal sealed class CoreServices : IDisposable
{
    private readonly ServiceProvider _provider;

    private CoreServices(ServiceProvider provider) => _provider = provider;

    public IAnswerService Answers => _provider.GetRequiredService<IAnswerService>();
    public KnowledgeIndex Index => _provider.GetRequiredService<KnowledgeIndex>();
    public AgendaService Agenda => _provider.GetRequiredService<AgendaService>();
    public DelegateBot.Core.Knowledge.Answering.ExtractiveAnswerService Extractive =>
        _provider.GetRequiredService<DelegateBot.Core.Knowledge.Answering.ExtractiveAnswerService>();

    public static CoreServices For(string knowledgeFolder)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = Path.GetFullPath(knowledgeFolder),
            ["Knowledge:Watch"] = "false",
            ["Agenda:KnowledgePath"] = Path.GetFullPath(knowledgeFolder),
            ["Agenda:WatchOverrides"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddKnowledge(configuration);
        services.AddAgenda(configuration);
        services.AddAgendaAnswers();
        return new CoreServices(services.BuildServiceProvider());
    }

    public Answer Ask(string question) => Answers.AskAsync(new AskRequest(question)).GetAwaiter().GetResult();

    public void Dispose() => _provider.Dispose();
}
