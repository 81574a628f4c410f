namespace Helpdesk.Bot.LanguageModel;

/// <summary>
/// The optional language model (section <c>LanguageModel</c>): Azure OpenAI through its OpenAI-compatible v1
/// endpoint (<c>https://&lt;resource&gt;.openai.azure.com/openai/v1/</c>) or any OpenAI-compatible endpoint. Off unless
/// <see cref="Endpoint"/> is set; validated at start.
/// </summary>
internal sealed class LanguageModelOptions
{
    public const string SectionName = "LanguageModel";

    /// <summary>The Entra ID scope of Azure OpenAI (Cognitive Services).</summary>
    public const string AzureOpenAIScope = "https://cognitiveservices.azure.com/.default";

    /// <summary>Base URL of the OpenAI-compatible API (requests go to <c>{Endpoint}chat/completions</c>); empty: no model, nothing changes.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model — on Azure OpenAI, the deployment name.</summary>
    public string? Model { get; set; }

    /// <summary>The header <see cref="ApiKeyHeader"/> carries the key in by default.</summary>
    public const string AuthorizationHeader = "Authorization";

    /// <summary>Azure OpenAI's own API key header.</summary>
    public const string AzureApiKeyHeader = "api-key";

    /// <summary>API key. Exactly one of this and <see cref="UseEntraId"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Where the key goes: <c>Authorization</c> (as <c>Bearer {key}</c>: OpenAI and compatible servers; Azure's v1
    /// endpoint accepts it) or a header name such as <c>api-key</c> (Azure OpenAI's own) or a gateway's.
    /// </summary>
    public string ApiKeyHeader { get; set; } = AuthorizationHeader;

    /// <summary>Authenticate with an Entra ID token (managed identity, workload identity, Azure CLI… via Azure.Identity) instead of a key.</summary>
    public bool UseEntraId { get; set; }

    /// <summary>The token scope for <see cref="UseEntraId"/>.</summary>
    public string EntraIdScope { get; set; } = AzureOpenAIScope;

    /// <summary>A user-assigned managed identity's client id for <see cref="UseEntraId"/> (empty: the default credential chain).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>How long one model call may take, Retry-After waits included; then the offline path answers.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Most tokens one reply may have.</summary>
    public int MaxTokens { get; set; } = 500;

    /// <summary>Sampling temperature (0 = the most predictable).</summary>
    public double Temperature { get; set; }

    /// <summary>How many retrieved article passages a grounded answer is written from.</summary>
    public int MaxPassages { get; set; } = 3;

    /// <summary>The longest Retry-After (HTTP 429/503) waited out within one call; a longer one skips the model until then.</summary>
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How replies are constrained: <c>JsonSchema</c> (structured outputs), <c>JsonObject</c> (JSON mode) or <c>None</c> (prompt only). Always parsed strictly.</summary>
    public StructuredOutputMode StructuredOutput { get; set; } = StructuredOutputMode.JsonSchema;

    /// <summary>Answer KB questions from the retrieved passages, with citations.</summary>
    public bool GroundedAnswers { get; set; } = true;

    /// <summary>Classify messages the offline matching is unsure about into the bot's intents.</summary>
    public bool IntentFallback { get; set; } = true;

    /// <summary>Write the agent a short generated summary at handoff (beside the extractive one).</summary>
    public bool HandoffSummary { get; set; } = true;

    /// <summary>True when a model is configured.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(Endpoint);
}
