using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Handoff;

/// <summary>
/// Every <c>Handoff:QueueUpdateInterval</c> (on <see cref="TimeProvider"/>): tells waiting users whose position
/// improved where they are now, refreshes the consoles (SLA timers, presence), and once an hour deletes transcripts
/// older than <c>Handoff:TranscriptRetention</c>.
/// </summary>
internal sealed class HandoffQueueMonitor(
    HandoffService handoff,
    IHandoffNotifier notifier,
    Store.ITranscriptStore transcripts,
    IOptions<HandoffOptions> options,
    TimeProvider time,
    ILogger<HandoffQueueMonitor> logger)
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

    private DateTimeOffset _lastCleanup = DateTimeOffset.MinValue;

    public async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            await handoff.NotifyPositionsAsync(cancellationToken);
            await notifier.QueueChangedAsync(cancellationToken);
            var now = time.GetUtcNow();
            if (now - _lastCleanup >= TimeSpan.FromHours(1))
            {
                _lastCleanup = now;
                var deleted = await transcripts.DeleteBeforeAsync(now - options.Value.TranscriptRetention, cancellationToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Handoff: deleted {Count} transcript activities past retention", deleted);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Handoff queue update failed: {ExceptionType}", ex.GetType().Name);
        }
    }
}
