using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Handoff;

/// <summary>
/// Every <c>Handoff:QueueUpdateInterval</c> (on <see cref="TimeProvider"/>): tells waiting users whose position
/// improved where they are now, and refreshes the consoles (SLA timers, presence).
/// </summary>
internal sealed class HandoffQueueMonitor(HandoffService handoff, IHandoffNotifier notifier, IOptions<HandoffOptions> options, TimeProvider time, ILogger<HandoffQueueMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.QueueUpdateInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TickAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            await handoff.NotifyPositionsAsync(cancellationToken);
            await notifier.QueueChangedAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Handoff queue update failed: {ExceptionType}", ex.GetType().Name);
        }
    }
}
