using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Helpdesk.Bot.Hosting;

/// <summary><c>GET /healthz</c> (process alive) and <c>GET /readyz</c> (dependencies reachable).</summary>
internal static class HealthApi
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}
