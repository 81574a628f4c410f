using Azure.Core;
using Azure.Identity;
using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Skills.LanguageModel;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.LanguageModel;

/// <summary>
/// The optional language model (section <c>LanguageModel</c>). Without an endpoint every seam gets its no-model
/// implementation and nothing is ever sent anywhere; with one, grounded answers, intent fallback and handoff
/// summaries (each can be switched off) go through <see cref="LanguageModelClient"/>.
/// </summary>
internal static class LanguageModelExtensions
{
    public const string HttpClientName = "LanguageModel";

    public static WebApplicationBuilder AddLanguageModel(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<LanguageModelOptions>()
            .Bind(builder.Configuration.GetSection(LanguageModelOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<LanguageModelOptions>, LanguageModelOptionsValidator>();

        services.AddSingleton<LanguageModelThrottle>();
        services.AddSingleton(sp => new LanguageModelTelemetry(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddTransient<RateLimitHandler>();
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<RateLimitHandler>();
        services.TryAddSingleton<TokenCredential>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LanguageModelOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LanguageModelOptions>>();
            var chat = LanguageModelChat.Create(
                options.Value,
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
                options.Value.UseEntraId ? sp.GetRequiredService<TokenCredential>() : null,
                sp.GetRequiredService<TimeProvider>());
            return new LanguageModelClient(
                chat,
                options,
                sp.GetRequiredService<LanguageModelThrottle>(),
                sp.GetRequiredService<LanguageModelTelemetry>(),
                sp.GetRequiredService<ISecretRedactor>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<LanguageModelClient>>());
        });

        services.AddSingleton<IGroundedAnswerer>(sp => Use(sp, o => o.GroundedAnswers)
            ? ActivatorUtilities.CreateInstance<ModelGroundedAnswerer>(sp)
            : NoGroundedAnswerer.Instance);
        services.AddSingleton<IIntentClassifier>(sp => Use(sp, o => o.IntentFallback)
            ? ActivatorUtilities.CreateInstance<ModelIntentClassifier>(sp)
            : NoIntentClassifier.Instance);
        services.AddSingleton<IHandoffSummaryWriter>(sp => Use(sp, o => o.HandoffSummary)
            ? ActivatorUtilities.CreateInstance<ModelHandoffSummaryWriter>(sp)
            : NoHandoffSummaryWriter.Instance);
        services.AddSingleton<IntentFallback>();
        services.AddSingleton<GeneratedHandoffSummaries>();
        return builder;
    }

    private static bool Use(IServiceProvider services, Func<LanguageModelOptions, bool> feature)
    {
        var options = services.GetRequiredService<IOptions<LanguageModelOptions>>().Value;
        return options.IsEnabled && feature(options);
    }
}
