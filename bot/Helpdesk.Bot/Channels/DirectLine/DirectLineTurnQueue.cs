namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>
/// Runs each conversation's turns one after another, in the order they were queued, off the HTTP request (the
/// POST answers as soon as the activity is stored). Conversations run in parallel. On shutdown the queued turns
/// finish (until the host's shutdown timeout, then they are cancelled).
/// </summary>
internal sealed class DirectLineTurnQueue(ILogger<DirectLineTurnQueue> logger) : IHostedService, IDisposable
{
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Queues <paramref name="work"/> after the conversation's earlier turns; the task completes when it ran.</summary>
    public Task Enqueue(string conversationId, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            if (!_lanes.TryGetValue(conversationId, out var lane))
            {
                lane = new Lane();
                _lanes[conversationId] = lane;
            }

            lane.Pending++;
            lane.Tail = RunAsync(lane.Tail, conversationId, lane, work);
            return lane.Tail;
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
            logger.LogWarning("Direct Line: shutdown timeout reached; cancelling the turns still running");
            await _stopping.CancelAsync();
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(Task previous, string conversationId, Lane lane, Func<CancellationToken, Task> work)
    {
        await previous;
        await Task.Yield(); // never run a turn inline in the caller (the HTTP request, under the queue lock)
        try
        {
            await work(_stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            logger.LogWarning("Direct Line: a turn was cancelled by shutdown (conversation {ConversationId})", conversationId);
        }
        catch (Exception ex)
        {
            logger.LogError("Direct Line: a turn failed outside the bot's error handling: {ExceptionType} (conversation {ConversationId})", ex.GetType().FullName, conversationId);
            logger.LogDebug(ex, "Direct Line turn failure detail");
        }
        finally
        {
            lock (_gate)
            {
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
