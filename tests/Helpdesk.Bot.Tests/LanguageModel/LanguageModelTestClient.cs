using Azure.Core;
using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.LanguageModel;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Helpdesk.Bot.Tests.LanguageModel;

/// <summary>Builds the bot's <see cref="LanguageModelClient"/> over a given chat completion service, or over the real connector and HTTP stack to an endpoint.</summary>
internal static class LanguageModelTestClient
{
    public const string Key = "test-key-0123456789";
    public const string Model = "gpt-4o-mini";

    public static LanguageModelOptions Options(string endpoint = "http://127.0.0.1:9/openai/v1/", Action<LanguageModelOptions>? configure = null)
    {
        var options = new LanguageModelOptions { Endpoint = endpoint, Model = Model, ApiKey = Key };
        configure?.Invoke(options);
        return options;
    }

    public static LanguageModelClient Create(
        IChatCompletionService chat,
        LanguageModelOptions? options = null,
        TimeProvider? time = null,
        LanguageModelTelemetry? telemetry = null,
        LanguageModelThrottle? throttle = null)
    {
        time ??= TimeProvider.System;
        return new LanguageModelClient(
            chat,
            Microsoft.Extensions.Options.Options.Create(options ?? Options()),
            throttle ?? new LanguageModelThrottle(time),
            telemetry ?? new LanguageModelTelemetry(),
            new PatternSecretRedactor(),
            time,
            NullLogger<LanguageModelClient>.Instance);
    }

    /// <summary>The real path: Semantic Kernel's OpenAI connector, the OpenAI client, the rate-limit handler, sockets.</summary>
    public static LanguageModelClient Wire(
        LanguageModelOptions options,
        TokenCredential? credential = null,
        LanguageModelTelemetry? telemetry = null,
        LanguageModelThrottle? throttle = null)
    {
        var time = TimeProvider.System;
        throttle ??= new LanguageModelThrottle(time);
        var http = new HttpClient(new RateLimitHandler(throttle, time) { InnerHandler = new SocketsHttpHandler() }) { Timeout = Timeout.InfiniteTimeSpan };
        var chat = LanguageModelChat.Create(options, http, credential);
        return Create(chat, options, time, telemetry, throttle);
    }
}
