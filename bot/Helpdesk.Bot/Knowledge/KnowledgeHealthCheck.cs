using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Helpdesk.Bot.Knowledge;

/// <summary>
/// Ready when the knowledge index answers: unhealthy only while the very first index is built (or that build failed);
/// degraded when a rebuild failed and the previous index still answers. With the semantic rerank on, its state is
/// appended; it never changes readiness (search answers in lexical order without it).
/// </summary>
internal sealed class KnowledgeHealthCheck(KnowledgeIndexStatus status, KnowledgeSemanticService semantic) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = Check(status.Current);
        return Task.FromResult(semantic.Describe() is { } more
            ? new HealthCheckResult(result.Status, result.Description + " " + more)
            : result);
    }

    private static HealthCheckResult Check(KnowledgeIndexStatus.Snapshot current)
    {
        var articles = string.Create(CultureInfo.InvariantCulture, $"{current.Articles} articles");
        return current switch
        {
            { Available: false, Failed: false } => HealthCheckResult.Unhealthy("Knowledge index: building the first index."),
            { Available: false, Failed: true } => HealthCheckResult.Unhealthy("Knowledge index: the first build failed: " + current.Error),
            { Failed: true } => HealthCheckResult.Degraded($"Knowledge index: the last rebuild failed ({current.Error}); the previous index ({articles}) answers."),
            { LastBuild: { } build } => HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"Knowledge index: {articles}, built in {build.Build.Elapsed.TotalSeconds:0.00} s.")),
            _ => HealthCheckResult.Healthy($"Knowledge index: {articles} (from the previous run; rebuilding)."),
        };
    }
}
