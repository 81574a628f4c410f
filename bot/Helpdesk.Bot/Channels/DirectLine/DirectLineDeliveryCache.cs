using System.Collections.Concurrent;

namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>
/// The full copies of bot replies whose stored copy is redacted (a reply carrying a reset link): kept in memory only,
/// for <see cref="Lifetime"/>, so the user's client still receives the real message when it polls or reconnects,
/// while the database only ever holds the redacted copy. After the lifetime (or a restart) the redacted copy is served.
/// </summary>
internal sealed class DirectLineDeliveryCache(TimeProvider time)
{
    /// <summary>How long a secret-bearing reply is served in full (as long as a reset link lives).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Most entries kept; the oldest go first beyond that.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<(string Conversation, long Sequence), (string Json, DateTimeOffset Expires)> _entries = new();

    public int Count => _entries.Count;

    public void Put(string conversationId, long sequence, string fullJson)
    {
        var now = time.GetUtcNow();
        if (_entries.Count >= Capacity)
        {
            Purge(now, force: true);
        }

        _entries[(conversationId, sequence)] = (fullJson, now + Lifetime);
    }

    /// <summary>The full copy of the activity, or null when there is none (any more).</summary>
    public string? Find(string conversationId, long sequence)
    {
        if (_entries.IsEmpty || !_entries.TryGetValue((conversationId, sequence), out var entry))
        {
            return null;
        }

        if (entry.Expires > time.GetUtcNow())
        {
            return entry.Json;
        }

        _entries.TryRemove((conversationId, sequence), out _);
        return null;
    }

    private void Purge(DateTimeOffset now, bool force)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.Expires <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }

        if (force && _entries.Count >= Capacity)
        {
            foreach (var key in _entries.OrderBy(e => e.Value.Expires).Take(_entries.Count - (Capacity / 2)).Select(e => e.Key).ToList())
            {
                _entries.TryRemove(key, out _);
            }
        }
    }
}
