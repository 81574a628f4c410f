using System.Threading.Channels;

namespace Helpdesk.Bot.Channels.DirectLine.Streaming;

/// <summary>
/// One WebSocket's feed from the <see cref="DirectLineStreamHub"/>: a bounded queue that drops its oldest item
/// when full (so a slow socket never blocks the bot; a dropped stored activity shows as a sequence gap and is
/// re-read from the store). <see cref="Evicted"/> fires when a newer socket of the conversation replaced it.
/// </summary>
internal sealed class DirectLineStreamSubscription : IDisposable
{
    private readonly Channel<DirectLineStreamItem> _channel;
    private readonly CancellationTokenSource _evicted = new();
    private readonly Action<DirectLineStreamSubscription> _unsubscribe;
    private int _disposed;

    public DirectLineStreamSubscription(string conversationId, int capacity, Action<DirectLineStreamSubscription> unsubscribe)
    {
        ConversationId = conversationId;
        _unsubscribe = unsubscribe;
        _channel = Channel.CreateBounded<DirectLineStreamItem>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });
        Evicted = _evicted.Token;
    }

    public string ConversationId { get; }

    public ChannelReader<DirectLineStreamItem> Reader => _channel.Reader;

    /// <summary>Cancelled when the hub closed this subscription for a newer one (reason <c>collision</c>).</summary>
    public CancellationToken Evicted { get; }

    /// <summary>Queues an item; never waits.</summary>
    public void Post(DirectLineStreamItem item) => _channel.Writer.TryWrite(item);

    public void Evict()
    {
        try
        {
            _evicted.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _unsubscribe(this);
        _channel.Writer.TryComplete();
        _evicted.Dispose();
    }
}
