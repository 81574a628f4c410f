using Helpdesk.Bot.Core.State;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Helpdesk.Bot.Hosting;

/// <summary>Ready when the store answers (a read of a probe key).</summary>
internal sealed class StorageHealthCheck(IStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.ReadAsync(["health/probe"], cancellationToken);
            return HealthCheckResult.Healthy("Store reachable.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Store unreachable: " + ex.GetType().Name);
        }
    }
}
