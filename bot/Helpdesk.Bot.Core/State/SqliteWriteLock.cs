namespace Helpdesk.Bot.Core.State;

/// <summary>This process's turn to write to a <see cref="SqliteDatabase"/>; disposing it lets the next writer in.</summary>
public sealed class SqliteWriteLock : IDisposable
{
    private SemaphoreSlim? _gate;

    internal SqliteWriteLock(SemaphoreSlim gate) => _gate = gate;

    public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
}
