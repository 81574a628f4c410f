namespace Helpdesk.Bot.Core.Turns;

/// <summary>
/// Runs the turns of one conversation one at a time in this process (a user who double-sends gets both turns,
/// in order, instead of a state-save race). Different conversations run in parallel. Across processes the
/// storage ETags still catch the race. Put it first in the pipeline.
/// </summary>
public sealed class ConversationTurnLockMiddleware : IMiddleware
{
    // Keys this async flow already holds: a proactive turn started from inside a turn of the same conversation
    // (ContinueConversationAsync) runs inside the holder instead of waiting for itself forever.
    private static readonly AsyncLocal<HashSet<string>?> Held = new();

    private readonly Dictionary<string, Entry> _locks = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Number of conversations with a turn running or waiting (for tests and diagnostics).</summary>
    public int ActiveConversations
    {
        get
        {
            lock (_gate)
            {
                return _locks.Count;
            }
        }
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var key = $"{turnContext.Activity.ChannelId}/{turnContext.Activity.Conversation?.Id}";
        if (Held.Value?.Contains(key) == true)
        {
            await next(cancellationToken);
            return;
        }

        Entry entry;
        lock (_gate)
        {
            if (!_locks.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _locks[key] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
            var held = Held.Value = new HashSet<string>(Held.Value ?? [], StringComparer.Ordinal) { key };
            try
            {
                await next(cancellationToken);
            }
            finally
            {
                held.Remove(key);
                entry.Semaphore.Release();
            }
        }
        finally
        {
            lock (_gate)
            {
                if (--entry.Users == 0)
                {
                    _locks.Remove(key);
                    entry.Semaphore.Dispose();
                }
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }
}
