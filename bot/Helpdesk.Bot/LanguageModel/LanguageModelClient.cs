using System.Diagnostics;
using Helpdesk.Bot.Core.Redaction;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;

namespace Helpdesk.Bot.LanguageModel;

/// <summary>
/// The one way the bot talks to the model (Semantic Kernel's chat completion): a system prompt and one user message
/// in, the reply text out — or null, silently for the user, on a timeout (<see cref="LanguageModelOptions.Timeout"/>,
/// Retry-After waits included), any failure, an empty reply, or while the endpoint asked to slow down (429/503
/// Retry-After; a short one is waited out once). Every outgoing text passes the secret redactor once more (the callers
/// already pass redacted text). Records latency, token usage and outcome (<see cref="LanguageModelTelemetry"/>) and
/// logs each call without its content. No tools or functions are ever offered to the model.
/// </summary>
internal sealed class LanguageModelClient(
    IChatCompletionService chat,
    IOptions<LanguageModelOptions> options,
    LanguageModelThrottle throttle,
    LanguageModelTelemetry telemetry,
    ISecretRedactor redactor,
    TimeProvider time,
    ILogger<LanguageModelClient> logger)
{
    private readonly LanguageModelOptions _options = options.Value;

    /// <summary>The model (deployment) name.</summary>
    public string Model => _options.Model ?? "model";

    public LanguageModelOptions Options => _options;

    /// <summary>The model's reply to <paramref name="userPrompt"/> under <paramref name="systemPrompt"/>, or null (see the class).</summary>
    public async Task<ModelReply?> CompleteAsync(string feature, string systemPrompt, string userPrompt, ModelSchema? schema, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var activity = LanguageModelTelemetry.StartCall(feature, Model);
        if (throttle.RetryAt is { } pausedUntil)
        {
            Record(activity, feature, LanguageModelOutcomes.Throttled, started, null, null);
            logger.LogInformation("Language model {Feature}: skipped, the endpoint asked to wait until {RetryAt:O}", feature, pausedUntil);
            return null;
        }

        var history = new ChatHistory();
        history.AddSystemMessage(systemPrompt);
        history.AddUserMessage(redactor.Redact(userPrompt));
        var settings = Settings(schema);
        var deadline = time.GetUtcNow() + _options.Timeout;
        using var timeout = new CancellationTokenSource(_options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var replies = await chat.GetChatMessageContentsAsync(history, settings, kernel: null, linked.Token);
                var message = replies.Count > 0 ? replies[0] : null;
                var (input, output) = Usage(message);
                var text = message?.Content?.Trim();
                if (string.IsNullOrEmpty(text))
                {
                    Record(activity, feature, LanguageModelOutcomes.Empty, started, input, output);
                    logger.LogWarning("Language model {Feature}: empty reply", feature);
                    return null;
                }

                Record(activity, feature, LanguageModelOutcomes.Ok, started, input, output);
                return new ModelReply(text, input, output);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Record(activity, feature, LanguageModelOutcomes.Timeout, started, null, null);
                logger.LogWarning("Language model {Feature}: no reply within {Timeout}; offline path used", feature, _options.Timeout);
                return null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var now = time.GetUtcNow();
                if (attempt == 1 && throttle.RetryAt is { } retryAt && retryAt - now <= _options.MaxRetryWait && retryAt < deadline)
                {
                    logger.LogInformation("Language model {Feature}: rate limited; retrying in {Wait}", feature, retryAt - now);
                    if (await WaitAsync(retryAt - now, linked.Token, cancellationToken))
                    {
                        continue;
                    }

                    Record(activity, feature, LanguageModelOutcomes.Timeout, started, null, null);
                    return null;
                }

                var outcome = throttle.RetryAt is null ? LanguageModelOutcomes.Failed : LanguageModelOutcomes.Throttled;
                Record(activity, feature, outcome, started, null, null);
                logger.LogWarning(
                    "Language model {Feature}: call failed ({Error}, HTTP {Status}); offline path used",
                    feature,
                    ex.GetType().Name,
                    (ex as HttpOperationException)?.StatusCode is { } status ? (int)status : null);
                return null;
            }
        }
    }

    private OpenAIPromptExecutionSettings Settings(ModelSchema? schema) => new()
    {
        MaxTokens = _options.MaxTokens,
        Temperature = _options.Temperature,
        ResponseFormat = schema is null ? null : _options.StructuredOutput switch
        {
            StructuredOutputMode.JsonSchema => ChatResponseFormat.CreateJsonSchemaFormat(schema.Name, BinaryData.FromString(schema.Json), jsonSchemaIsStrict: true),
            StructuredOutputMode.JsonObject => ChatResponseFormat.CreateJsonObjectFormat(),
            _ => null,
        },
    };

    /// <summary>Waits out a short Retry-After; false when the call's time ran out first.</summary>
    private async Task<bool> WaitAsync(TimeSpan wait, CancellationToken linked, CancellationToken caller)
    {
        try
        {
            await Task.Delay(wait, time, linked);
            return true;
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Record(Activity? activity, string feature, string outcome, long started, int? input, int? output) =>
        telemetry.RecordCall(activity, feature, Model, outcome, time.GetElapsedTime(started), input, output);

    /// <summary>The token counts the OpenAI connector puts in the reply's metadata ("Usage").</summary>
    private static (int? Input, int? Output) Usage(Microsoft.SemanticKernel.ChatMessageContent? message) =>
        message?.Metadata is { } metadata && metadata.TryGetValue("Usage", out var value) && value is ChatTokenUsage usage
            ? (usage.InputTokenCount, usage.OutputTokenCount)
            : (null, null);
}
