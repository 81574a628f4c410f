using Helpdesk.Skills.Troubleshooting;

namespace Helpdesk.Bot.Troubleshooting;

/// <summary>Loads (and so validates and logs) the troubleshooting flows when the host starts, not on the first conversation.</summary>
internal sealed class FlowCatalogStartup(IFlowCatalog catalog, ILogger<FlowCatalogStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (catalog.Flows.Count == 0)
        {
            logger.LogError("Troubleshooting: no valid flows are loaded; \"Fix a problem\" will have nothing to offer");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
