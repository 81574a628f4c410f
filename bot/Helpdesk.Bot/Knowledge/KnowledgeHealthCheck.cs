using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Helpdesk.Bot.Knowledge;

/// <summary>
/// Ready when the knowledge index answers: unhealthy only while the very first index is built (or that build failed);
/// degraded when a rebuild failed and the previous index still answers.
/// </summary>
internal sealed class KnowledgeHealthCheck(KnowledgeIndexStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = status.Current;
        var articles = string.Create(CultureInfo.InvariantCulture, $"{current.Articles} articles");
        return Task.FromResult(current switch
        {
            { Available: false, Failed: false } => HealthCheckResult.Unhealthy("Knowledge index: building the first index."),
            { Available: false, Failed: true } => HealthCheckResult.Unhealthy("Knowledge index: the first build failed: " + current.Error),
            { Failed: true } => HealthCheckResult.Degraded($"Knowledge index: the last rebuild failed ({current.Error}); the previous index ({articles}) answers."),
            { LastBuild: { } build } => HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"Knowledge index: {articles}, built in {build.Build.Elapsed.TotalSeconds:0.00} s.")),
            _ => HealthCheckResult.Healthy($"Knowledge index: {articles} (from the previous run; rebuilding)."),
        });
    }
}
