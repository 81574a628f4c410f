using System.Collections.Concurrent;

namespace Helpdesk.Bot.Channels.Slack;

/// <summary>
/// The channel threads the bot takes part in (it was mentioned there or replied there), so a reply in such a thread
/// is answered without another @mention. In memory, for a week, at most 50,000 threads (after a restart a mention
/// brings the thread back).
/// </summary>
internal sealed class SlackThreadTracker(TimeProvider timeProvider)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    private const int MaxThreads = 50_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _threads = new(StringComparer.Ordinal);

    public void Remember(SlackConversationId conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (conversation.ThreadTs is null)
        {
            return;
        }

        if (_threads.Count >= MaxThreads)
        {
            var now = timeProvider.GetUtcNow();
            foreach (var stale in _threads.Where(t => now - t.Value > Lifetime).Select(t => t.Key).ToList())
            {
                _threads.TryRemove(stale, out _);
            }

            if (_threads.Count >= MaxThreads)
            {
                foreach (var oldest in _threads.OrderBy(t => t.Value).Take(MaxThreads / 10).Select(t => t.Key).ToList())
                {
                    _threads.TryRemove(oldest, out _);
                }
            }
        }

        _threads[conversation.ToString()] = timeProvider.GetUtcNow();
    }

    public bool IsActive(string conversationId) =>
        _threads.TryGetValue(conversationId, out var seen) && timeProvider.GetUtcNow() - seen <= Lifetime;
}
