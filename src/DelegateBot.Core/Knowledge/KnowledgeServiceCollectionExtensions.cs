using DelegateBot.Core.Knowledge.Answering;
using DelegateBot.Core.Knowledge.Index;
using DelegateBot.Core.Knowledge.Ingestion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DelegateBot.Core.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// The knowledge feature: document readers, the Lucene index of the knowledge folder (section "Knowledge"),
    /// <see cref="IPassageSearch"/>, the extractive <see cref="IAnswerService"/> and a hosted watcher that
    /// re-indexes when the folder changes (it runs only where hosted services are started, i.e. the service).
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentReader, PlainTextReader>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentReader, HtmlReader>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentReader, DocxReader>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentReader, PdfReader>(sp =>
            new PdfReader(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.PdfToText)));
        services.TryAddSingleton<KnowledgeIndex>();
        services.TryAddSingleton<IPassageSearch>(sp => sp.GetRequiredService<KnowledgeIndex>());
        services.TryAddSingleton<ExtractiveAnswerService>();
        services.TryAddSingleton<IAnswerService>(sp => sp.GetRequiredService<ExtractiveAnswerService>());
        services.AddHostedService<KnowledgeWatcher>();
        return services;
    }
}
