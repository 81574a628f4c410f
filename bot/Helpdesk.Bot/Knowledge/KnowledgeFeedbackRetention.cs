using Helpdesk.Skills.Knowledge;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Knowledge;

/// <summary>
/// Deletes article feedback and unanswered questions older than <see cref="KnowledgeOptions.FeedbackRetention"/>:
/// once shortly after start, then every hour (on <see cref="TimeProvider"/>). The questions are redacted, but they
/// are still what employees typed, so they are not kept for ever.
/// </summary>
internal sealed class KnowledgeFeedbackRetention(
    IKnowledgeFeedbackStore feedback,
    IOptions<KnowledgeOptions> options,
    TimeProvider time,
    ILogger<KnowledgeFeedbackRetention> logger) : BackgroundService
{
    /// <summary>How often old rows are looked for.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Deletes what is past retention now; returns how many rows went (0 after a failure, which is logged).</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var deleted = await feedback.DeleteBeforeAsync(time.GetUtcNow() - options.Value.FeedbackRetention, cancellationToken);
            if (deleted > 0)
            {
                logger.LogInformation("Knowledge: deleted {Count} feedback rows past retention ({Retention})", deleted, options.Value.FeedbackRetention);
            }

            return deleted;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Knowledge: deleting old feedback failed ({ExceptionType}); next try in {Interval}", ex.GetType().Name, Interval);
            return 0;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                await PurgeAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
