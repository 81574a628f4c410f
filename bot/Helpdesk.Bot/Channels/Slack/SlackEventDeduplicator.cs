using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.Slack;

/// <summary>
/// Remembers the event ids seen within <see cref="SlackOptions.DeduplicationWindow"/>: Slack retries an event it
/// thinks was not acknowledged (up to three times, with <c>X-Slack-Retry-Num</c>), and the bot must answer it once.
/// </summary>
internal sealed class SlackEventDeduplicator(IOptions<SlackOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly TimeSpan _window = options.Value.DeduplicationWindow;
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    /// <summary>True the first time <paramref name="id"/> is seen in the window; false for a repeat.</summary>
    public bool TryRegister(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var now = timeProvider.GetUtcNow();
        if (now >= _nextPurge)
        {
            _nextPurge = now + TimeSpan.FromMinutes(1);
            foreach (var expired in _seen.Where(e => now - e.Value > _window).Select(e => e.Key).ToList())
            {
                _seen.TryRemove(expired, out _);
            }
        }

        if (_seen.TryGetValue(id, out var at) && now - at <= _window)
        {
            return false;
        }

        return _seen.TryAdd(id, now) || (_seen.TryGetValue(id, out at) && now - at > _window && _seen.TryUpdate(id, now, at));
    }

    /// <summary>Forgets <paramref name="id"/> (its processing was refused, so Slack's retry must get through).</summary>
    public void Forget(string id) => _seen.TryRemove(id, out _);
}
