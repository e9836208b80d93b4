using DelegateBot.AzureOpenAI.Embeddings;
using DelegateBot.Core.Knowledge;
using DelegateBot.Core.Knowledge.Index;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace DelegateBot.AzureOpenAI;

public static class AzureOpenAIServiceCollectionExtensions
{
    /// <summary>
    /// When section "AzureOpenAI" names an Endpoint, ApiKey and ChatDeployment, puts <see cref="LlmAnswerService"/>
    /// in front of the <see cref="IAnswerService"/> registered so far (the extractive engine, which stays the
    /// fallback). Call it after AddKnowledge and before AddAgendaAnswers, so agenda answers stay first.
    /// With an EmbeddingDeployment, <see cref="IPassageSearch"/> becomes <see cref="HybridPassageSearch"/>.
    /// Nothing configured: no registration changes at all.
    /// </summary>
    public static IServiceCollection AddAzureOpenAIAnswers(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AzureOpenAIOptions.SectionName);
        var configured = section.Get<AzureOpenAIOptions>() ?? new AzureOpenAIOptions();
        if (!configured.ChatConfigured && !configured.EmbeddingsConfigured) return services;
        AzureOpenAIClientFactory.V1Endpoint(configured.Endpoint!);   // a malformed endpoint fails at startup, clearly

        services.AddOptions<AzureOpenAIOptions>().Bind(section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => AzureOpenAIClientFactory.Create(sp.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value));

        if (configured.EmbeddingsConfigured)
        {
            // Semantic retrieval for the model's passages: BM25 fused with vectors of the embedding deployment.
            var lexical = services.LastOrDefault(d => d.ServiceType == typeof(IPassageSearch))
                ?? throw new InvalidOperationException("AddAzureOpenAIAnswers needs an IPassageSearch registered before it (AddKnowledge).");
            services.Remove(lexical);
            services.TryAddSingleton(sp => new EmbeddingCache(sp.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value.EmbeddingCacheFile));
            services.AddSingleton<IPassageSearch>(sp =>
            {
                var options = sp.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value;
                var bm25 = (IPassageSearch)Resolve(sp, lexical);
                var hybrid = new HybridPassageSearch(
                    bm25,
                    sp.GetRequiredService<OpenAIClient>().GetEmbeddingClient(options.EmbeddingDeployment!),
                    options.EmbeddingDeployment!,
                    sp.GetRequiredService<EmbeddingCache>(),
                    options.Timeout,
                    sp.GetRequiredService<TimeProvider>(),
                    LoggerFactory(sp).CreateLogger<HybridPassageSearch>());
                // Embed at indexing time: each rebuild of the knowledge index starts a (cached) embedding run.
                if (bm25 is KnowledgeIndex index) index.Rebuilt += _ => hybrid.StartRefresh();
                return hybrid;
            });
        }

        if (configured.ChatConfigured)
        {
            var inner = services.LastOrDefault(d => d.ServiceType == typeof(IAnswerService))
                ?? throw new InvalidOperationException("AddAzureOpenAIAnswers needs an IAnswerService registered before it (AddKnowledge).");
            services.Remove(inner);
            services.AddSingleton<IAnswerService>(sp => new LlmAnswerService(
                (IAnswerService)Resolve(sp, inner),
                sp.GetRequiredService<IPassageSearch>(),
                new OpenAIChatCompletionService(configured.ChatDeployment!, sp.GetRequiredService<OpenAIClient>(), LoggerFactory(sp)),
                sp.GetRequiredService<IOptions<AzureOpenAIOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                LoggerFactory(sp).CreateLogger<LlmAnswerService>()));
        }
        return services;
    }

    private static ILoggerFactory LoggerFactory(IServiceProvider sp) => sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;

    private static object Resolve(IServiceProvider sp, ServiceDescriptor d) => (
        d.ImplementationInstance
        ?? d.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType!));
}
