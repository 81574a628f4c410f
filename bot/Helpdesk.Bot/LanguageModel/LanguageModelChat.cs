using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace Helpdesk.Bot.LanguageModel;

/// <summary>
/// Semantic Kernel's OpenAI chat completion over the OpenAI client pointed at the configured endpoint — Azure
/// OpenAI's v1 endpoint (<c>https://&lt;resource&gt;.openai.azure.com/openai/v1/</c>) or any OpenAI-compatible one.
/// Authentication: an Entra ID token (<c>Authorization: Bearer</c>, scope <see cref="LanguageModelOptions.EntraIdScope"/>,
/// cached and refreshed by <see cref="EntraIdTokenPolicy"/>) or an API key, as <c>Authorization: Bearer</c> (OpenAI; Azure's v1 endpoint accepts it) or
/// in the header <see cref="LanguageModelOptions.ApiKeyHeader"/> names (Azure's own <c>api-key</c>, a gateway's).
/// Requests go through <paramref name="httpClient"/> (which sees 429/503 Retry-After); the client's own retries are
/// off (the bot falls back instead of waiting), and Semantic Kernel gets no logger, so no prompt or reply is logged.
/// </summary>
internal static class LanguageModelChat
{
    public const string UserAgent = "Helpdesk.Bot";

    public static IChatCompletionService Create(LanguageModelOptions options, HttpClient httpClient, TokenCredential? credential, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint!, UriKind.Absolute),
            Transport = new HttpClientPipelineTransport(httpClient),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.Timeout + TimeSpan.FromSeconds(1),
            UserAgentApplicationId = UserAgent,
        };

        // The AuthenticationPolicy constructor is marked experimental (OPENAI001); it is the one Microsoft documents
        // for Entra ID tokens on the v1 endpoint, and the package version is pinned.
#pragma warning disable OPENAI001
        var client = new OpenAIClient(Authentication(options, credential, time ?? TimeProvider.System), clientOptions);
#pragma warning restore OPENAI001
        return new OpenAIChatCompletionService(options.Model!, client, NullLoggerFactory.Instance);
    }

    private static AuthenticationPolicy Authentication(LanguageModelOptions options, TokenCredential? credential, TimeProvider time)
    {
        if (options.UseEntraId)
        {
            return new EntraIdTokenPolicy(credential ?? throw new InvalidOperationException("LanguageModel:UseEntraId needs a token credential."), options.EntraIdScope, time);
        }

        var key = new ApiKeyCredential(options.ApiKey!);
        return string.Equals(options.ApiKeyHeader, LanguageModelOptions.AuthorizationHeader, StringComparison.OrdinalIgnoreCase)
            ? ApiKeyAuthenticationPolicy.CreateBearerAuthorizationPolicy(key)
            : ApiKeyAuthenticationPolicy.CreateHeaderApiKeyPolicy(key, options.ApiKeyHeader);
    }
}
