using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.DirectLine.Streaming;

/// <summary>
/// In-process fan-out of a conversation's new activities to its open WebSockets (no polling of the store).
/// Publishing never blocks: each subscriber has its own bounded queue. At most
/// <see cref="DirectLineOptions.MaxStreamsPerConversation"/> sockets per conversation; a further one evicts the oldest.
/// </summary>
internal sealed class DirectLineStreamHub(IOptions<DirectLineOptions> options)
{
    private readonly Dictionary<string, List<DirectLineStreamSubscription>> _subscribers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public DirectLineStreamSubscription Subscribe(string conversationId)
    {
        var subscription = new DirectLineStreamSubscription(conversationId, options.Value.StreamBufferSize, Unsubscribe);
        DirectLineStreamSubscription? evicted = null;
        lock (_gate)
        {
            if (!_subscribers.TryGetValue(conversationId, out var list))
            {
                list = [];
                _subscribers[conversationId] = list;
            }

            if (list.Count >= options.Value.MaxStreamsPerConversation)
            {
                evicted = list[0];
                list.RemoveAt(0);
            }

            list.Add(subscription);
        }

        evicted?.Evict();
        return subscription;
    }

    /// <summary>Number of open subscriptions of a conversation.</summary>
    public int Count(string conversationId)
    {
        lock (_gate)
        {
            return _subscribers.TryGetValue(conversationId, out var list) ? list.Count : 0;
        }
    }

    public void Publish(string conversationId, DirectLineStreamItem item)
    {
        DirectLineStreamSubscription[] targets;
        lock (_gate)
        {
            if (!_subscribers.TryGetValue(conversationId, out var list))
            {
                return;
            }

            targets = [.. list];
        }

        foreach (var target in targets)
        {
            target.Post(item);
        }
    }

    private void Unsubscribe(DirectLineStreamSubscription subscription)
    {
        lock (_gate)
        {
            if (_subscribers.TryGetValue(subscription.ConversationId, out var list) && list.Remove(subscription) && list.Count == 0)
            {
                _subscribers.Remove(subscription.ConversationId);
            }
        }
    }
}
