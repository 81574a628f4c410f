using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.DirectLine.Storage;

/// <summary>
/// Deletes conversations idle longer than <see cref="DirectLineOptions.TranscriptRetention"/> every
/// <see cref="DirectLineOptions.RetentionSweepInterval"/> (off when the retention is zero).
/// </summary>
internal sealed class DirectLineRetentionService(
    IDirectLineConversationStore store,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    ILogger<DirectLineRetentionService> logger) : BackgroundService
{
    /// <summary>One sweep: deletes what is past retention; returns how many conversations went.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var retention = options.Value.TranscriptRetention;
        if (retention <= TimeSpan.Zero)
        {
            return 0;
        }

        var deleted = await store.DeleteIdleAsync(time.GetUtcNow() - retention, cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Direct Line: deleted {Count} conversations idle for more than {Retention}", deleted, retention);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.TranscriptRetention <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.RetentionSweepInterval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Direct Line retention sweep failed: {ExceptionType}", ex.GetType().FullName);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
