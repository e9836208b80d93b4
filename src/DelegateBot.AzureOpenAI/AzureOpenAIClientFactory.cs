using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;

namespace DelegateBot.AzureOpenAI;

/// <summary>
/// The OpenAI client pointed at the Azure OpenAI v1 API (<c>{endpoint}/openai/v1/</c>), which speaks the OpenAI
/// wire protocol; Azure.AI.OpenAI 2.1.0 is not used because it is binary-incompatible with OpenAI 2.15.0.
/// </summary>
internal static class AzureOpenAIClientFactory
{
    public static OpenAIClient Create(AzureOpenAIOptions options)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = V1Endpoint(options.Endpoint!),
            // One retry at most: a 429 with "Retry-After: 120" must not hold a delegate's question for minutes;
            // our own timeout and the extractive fallback handle the rest.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // The per-call budget is enforced by a cancellation token; this only guards a stuck socket.
            NetworkTimeout = options.Timeout + TimeSpan.FromSeconds(2),
        };
        clientOptions.AddPolicy(new ApiKeyHeaderPolicy(options.ApiKey!), PipelinePosition.BeforeTransport);
        return new OpenAIClient(new ApiKeyCredential(options.ApiKey!), clientOptions);
    }

    internal static Uri V1Endpoint(string endpoint)
    {
        var trimmed = endpoint.Trim().TrimEnd('/');
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new InvalidOperationException($"AzureOpenAI:Endpoint \"{endpoint}\" is not an http(s) URL such as https://my-resource.openai.azure.com.");
        // Accept both the resource endpoint and one that already names the v1 API.
        if (trimmed.EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase)) return new Uri(trimmed + "/");
        return new Uri(trimmed + "/openai/v1/");
    }

    /// <summary>
    /// Azure OpenAI keys travel in the <c>api-key</c> header, not as an OpenAI bearer token: runs after the
    /// client's own key policy (before transport), moves the key to <c>api-key</c> and drops the bearer header.
    /// </summary>
    private sealed class ApiKeyHeaderPolicy(string apiKey) : PipelinePolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            SetKey(message);
            ProcessNext(message, pipeline, currentIndex);
        }

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            SetKey(message);
            return ProcessNextAsync(message, pipeline, currentIndex);
        }

        private void SetKey(PipelineMessage message)
        {
            message.Request.Headers.Remove("Authorization");
            message.Request.Headers.Set("api-key", apiKey);
        }
    }
}
