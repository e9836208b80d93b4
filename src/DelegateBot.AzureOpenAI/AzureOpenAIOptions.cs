namespace DelegateBot.AzureOpenAI;

/// <summary>Settings of the optional Azure OpenAI answer engine, bound to the "AzureOpenAI" configuration section.</summary>
public sealed class AzureOpenAIOptions
{
    public const string SectionName = "AzureOpenAI";

    /// <summary>The resource endpoint, e.g. https://my-resource.openai.azure.com (the v1 API path is added).</summary>
    public string? Endpoint { get; set; }

    /// <summary>The resource's API key, sent as the <c>api-key</c> header.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The chat model deployment name; with Endpoint and ApiKey it switches answers to the model.</summary>
    public string? ChatDeployment { get; set; }

    /// <summary>The embedding deployment name; when set, retrieval fuses BM25 with vector similarity.</summary>
    public string? EmbeddingDeployment { get; set; }

    /// <summary>The SQLite file of cached passage vectors (relative to the current directory).</summary>
    public string EmbeddingCacheFile { get; set; } = Path.Combine("data", "embeddings.db");

    /// <summary>Budget of one model call; past it the extractive answer is used.</summary>
    public double TimeoutSeconds { get; set; } = 8;

    /// <summary>How many passages from the index the model sees.</summary>
    public int MaxPassages { get; set; } = 6;

    internal bool ChatConfigured =>
        !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(ApiKey) && !string.IsNullOrWhiteSpace(ChatDeployment);

    internal bool EmbeddingsConfigured =>
        !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(ApiKey) && !string.IsNullOrWhiteSpace(EmbeddingDeployment);

    internal TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds > 0 ? TimeoutSeconds : 8);
}
