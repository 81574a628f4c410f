using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Hosting;
using Helpdesk.KnowledgeIndex;
using Helpdesk.KnowledgeIndex.Search;
using Helpdesk.KnowledgeIndex.Semantic;
using Helpdesk.Skills.Knowledge;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Knowledge;

/// <summary>
/// The knowledge base: the index (built and refreshed in the background), <see cref="IKnowledgeSearch"/> for every
/// feature, the chat dialog that answers from it, the feedback store, the article pages and the readiness check.
/// </summary>
internal static class KnowledgeExtensions
{
    public static WebApplicationBuilder AddKnowledgeBase(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<KnowledgeOptions>()
            .Bind(builder.Configuration.GetSection(KnowledgeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<KnowledgeOptions>, KnowledgeOptionsValidator>();
        services.AddSingleton<KnowledgePaths>();
        services.AddSingleton<KnowledgeIndexStatus>();
        services.AddSingleton<IKnowledgeAvailability>(sp => sp.GetRequiredService<KnowledgeIndexStatus>());
        services.AddSingleton(sp => KnowledgeIndexFactory.Open(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.UseMemory ? null : sp.GetRequiredService<KnowledgePaths>().Index,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KnowledgeIndexFactory))));
        services.AddSingleton<IKnowledgeSearch>(sp => sp.GetRequiredService<KnowledgeBase>());
        services.AddHostedService<KnowledgeBaseService>();
        services.AddSingleton<ITextEncoder>(sp => new ArcticXsEncoder( // the model loads on first use, i.e. only with Knowledge:SemanticRerank
            modelDirectory: sp.GetRequiredService<IOptions<StorageOptions>>().Value.UseMemory ? null : sp.GetRequiredService<KnowledgePaths>().SemanticModel));
        services.AddSingleton<KnowledgeSemanticService>();
        services.AddHostedService(sp => sp.GetRequiredService<KnowledgeSemanticService>());

        services.AddSingleton<IKnowledgeFeedbackStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.UseMemory
            ? new MemoryKnowledgeFeedbackStore()
            : new SqliteKnowledgeFeedbackStore(
                sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SqliteKnowledgeFeedbackStore>>()));
        services.AddSingleton<KnowledgeFeedbackRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<KnowledgeFeedbackRetention>());
        services.AddSingleton<AnswerConfidence>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            return new KnowledgeSettings
            {
                ConfidenceThreshold = options.ConfidenceThreshold,
                ResultsPerPage = options.ResultsPerPage,
                ArticleBaseUrl = string.IsNullOrWhiteSpace(options.ArticleBaseUrl) ? null : new Uri(options.ArticleBaseUrl, UriKind.Absolute),
            };
        });
        services.AddSingleton<KnowledgeAnswerFinder>();
        services.AddSingleton<KnowledgeDialog>();
        services.AddSingleton<ArticlePage>();

        services.AddHealthChecks().AddCheck<KnowledgeHealthCheck>("knowledge", tags: [HealthApi.ReadyTag]);
        return builder;
    }

    /// <summary>The article pages (<c>/kb/{id}</c>) and the feedback report for admins (<c>/api/admin/knowledge</c>).</summary>
    public static WebApplication MapKnowledgeApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapArticlePages();
        app.MapKnowledgeAdminApi();
        return app;
    }
}
