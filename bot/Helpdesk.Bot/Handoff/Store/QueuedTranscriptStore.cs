using System.Threading.Channels;

namespace Helpdesk.Bot.Handoff.Store;

/// <summary>
/// Records transcripts off the turn: <see cref="AppendAsync"/> queues the (already redacted) entry and returns, and
/// one background writer stores what is queued in batches — one transaction each, in the order appended — so a turn
/// never waits for the database's single writer. With a batch window, the writer lets entries gather that long after
/// the first one arrives (fewer, larger transactions under load); a read, a deletion, a flush or the host stopping
/// ends the wait at once. Nothing is dropped: the queue is bounded (a full queue makes an
/// append wait), it is drained when the host stops, an append after that is written directly, and a failed batch is
/// retried before it is given up (logged with the number of entries). Reads and deletions first wait until every
/// entry queued before them is stored, so a reader sees all that was recorded before it asked.
/// </summary>
internal sealed partial class QueuedTranscriptStore : ITranscriptStore, IHostedService, IAsyncDisposable
{
    /// <summary>Entries that may wait to be stored; an append beyond it waits for room.</summary>
    public const int Capacity = 10_000;

    /// <summary>Most entries stored in one transaction.</summary>
    public const int MaxBatch = 256;

    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1)];

    private readonly ITranscriptBatchStore _store;
    private readonly ILogger<QueuedTranscriptStore> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly TimeProvider _time;
    private readonly TimeSpan _batchWindow;
    private readonly Task _writer;

    /// <summary>Completed to end the writer's batch window early (someone waits for the entries).</summary>
    private volatile TaskCompletionSource _urgent = NewSignal();

    /// <summary>Flush markers queued and not yet taken by the writer: while there are any, it does not wait.</summary>
    private int _flushesQueued;

    /// <param name="store">Where the entries are stored.</param>
    /// <param name="logger">Logs retried and lost batches.</param>
    /// <param name="time">The clock of the batch window and the retry delays (default: the system clock).</param>
    /// <param name="batchWindow">How long entries may gather before they are stored (zero: store what is queued at once).</param>
    public QueuedTranscriptStore(ITranscriptBatchStore store, ILogger<QueuedTranscriptStore> logger, TimeProvider? time = null, TimeSpan batchWindow = default)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        ArgumentOutOfRangeException.ThrowIfLessThan(batchWindow, TimeSpan.Zero);
        _time = time ?? TimeProvider.System;
        _batchWindow = batchWindow;
        _writer = Task.Run(WriteQueuedAsync);
    }

    public Task AppendAsync(string conversationKey, DateTimeOffset at, bool inbound, string activityJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        ArgumentNullException.ThrowIfNull(activityJson);
        var pending = new Pending(new TranscriptRecord(conversationKey, at, inbound, activityJson), null);
        return _queue.Writer.TryWrite(pending) ? Task.CompletedTask : AppendSlowAsync(pending, cancellationToken);
    }

    public async Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        return await _store.DeleteBeforeAsync(cutoff, cancellationToken);
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationKey, int limit, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        return await _store.ReadAsync(conversationKey, limit, cancellationToken);
    }

    /// <summary>Completes when every entry appended before the call is stored (or given up after retries).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Increment(ref _flushesQueued);
        try
        {
            await _queue.Writer.WriteAsync(new Pending(null, stored), cancellationToken);
            _urgent.TrySetResult();
        }
        catch (Exception ex) when (ex is ChannelClosedException or OperationCanceledException)
        {
            Interlocked.Decrement(ref _flushesQueued);
            if (ex is OperationCanceledException)
            {
                throw;
            }

            // Stopping: the writer drains what is queued, then is done.
            await _writer.WaitAsync(cancellationToken);
            return;
        }

        await stored.Task.WaitAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stores everything still queued; appends after this are written directly.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        _urgent.TrySetResult();
        await _writer.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        _urgent.TrySetResult();
        await _writer;
    }

    private async Task AppendSlowAsync(Pending pending, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            await _store.AppendManyAsync([pending.Record!], cancellationToken);
        }
    }

    private async Task WriteQueuedAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<TranscriptRecord>(MaxBatch);
        var flushes = new List<TaskCompletionSource>();
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            await GatherAsync(reader);

            // Reset before draining: a flush whose marker is queued after this point signals the next round.
            _urgent = NewSignal();
            while (batch.Count < MaxBatch && reader.TryRead(out var pending))
            {
                if (pending.Stored is { } stored)
                {
                    flushes.Add(stored);
                    Interlocked.Decrement(ref _flushesQueued);
                }
                else
                {
                    batch.Add(pending.Record!);
                }
            }

            await StoreAsync(batch);
            foreach (var stored in flushes)
            {
                stored.TrySetResult();
            }

            batch.Clear();
            flushes.Clear();
        }
    }

    /// <summary>
    /// Waits the batch window, unless it is zero, the queue already holds a full batch, or someone waits for what is
    /// queued (a flush marker in the queue, or a signal during the wait).
    /// </summary>
    private async Task GatherAsync(ChannelReader<Pending> reader)
    {
        if (_batchWindow <= TimeSpan.Zero || reader.Count >= MaxBatch || Volatile.Read(ref _flushesQueued) > 0 || _urgent.Task.IsCompleted)
        {
            return;
        }

        await Task.WhenAny(Task.Delay(_batchWindow, _time, CancellationToken.None), _urgent.Task);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task StoreAsync(List<TranscriptRecord> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await _store.AppendManyAsync(batch, CancellationToken.None);
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                if (attempt >= RetryDelays.Length)
                {
                    LogLost(batch.Count, ex.GetType().Name);
                    return;
                }

                LogRetry(batch.Count, ex.GetType().Name);
                await Task.Delay(RetryDelays[attempt], _time, CancellationToken.None);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transcript: storing {Count} entries failed ({ExceptionType}); retrying.")]
    private partial void LogRetry(int count, string exceptionType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Transcript: {Count} entries could not be stored after retries ({ExceptionType}); they are not in the transcript.")]
    private partial void LogLost(int count, string exceptionType);

    /// <summary>An entry to store, or (with <see cref="Stored"/>) a marker completed once everything before it is stored.</summary>
    private readonly record struct Pending(TranscriptRecord? Record, TaskCompletionSource? Stored);
}
