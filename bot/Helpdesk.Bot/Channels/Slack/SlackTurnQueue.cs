using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.Slack;

/// <summary>
/// Runs Slack turns off the HTTP request — Slack wants its answer within 3 seconds, a turn may take longer — each
/// conversation's turns one after another in arrival order, conversations in parallel, at most
/// <see cref="SlackOptions.MaxQueuedTurns"/> waiting. On shutdown the queued turns finish (until the host's
/// shutdown timeout, then they are cancelled).
/// </summary>
internal sealed class SlackTurnQueue(IOptions<SlackOptions> options, ILogger<SlackTurnQueue> logger) : IHostedService, IDisposable
{
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly int _capacity = options.Value.MaxQueuedTurns;
    private int _pending;

    /// <summary>Queues <paramref name="work"/> after the conversation's earlier turns; false when the queue is full.</summary>
    public bool TryEnqueue(string conversationId, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            if (_pending >= _capacity)
            {
                return false;
            }

            if (!_lanes.TryGetValue(conversationId, out var lane))
            {
                lane = new Lane();
                _lanes[conversationId] = lane;
            }

            _pending++;
            lane.Pending++;
            lane.Tail = RunAsync(lane.Tail, conversationId, lane, work);
            return true;
        }
    }

    /// <summary>Completes when every turn queued so far has run (tests, shutdown).</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_lanes.Values.Select(l => l.Tail).ToArray());
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WhenIdleAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Slack: shutdown timeout reached; cancelling the turns still running");
            await _stopping.CancelAsync();
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(Task previous, string conversationId, Lane lane, Func<CancellationToken, Task> work)
    {
        await previous;
        await Task.Yield(); // never inside the HTTP request or under the queue lock
        try
        {
            await work(_stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            logger.LogWarning("Slack: a turn was cancelled by shutdown");
        }
        catch (Exception ex)
        {
            logger.LogError("Slack: a turn failed outside the bot's error handling: {ExceptionType}", ex.GetType().FullName);
            logger.LogDebug(ex, "Slack turn failure detail");
        }
        finally
        {
            lock (_gate)
            {
                _pending--;
                if (--lane.Pending == 0)
                {
                    _lanes.Remove(conversationId);
                }
            }
        }
    }

    private sealed class Lane
    {
        public Task Tail { get; set; } = Task.CompletedTask;

        public int Pending { get; set; }
    }
}
