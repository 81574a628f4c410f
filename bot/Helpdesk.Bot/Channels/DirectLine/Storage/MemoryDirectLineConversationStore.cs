using System.Collections.Concurrent;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.DirectLine.Storage;

/// <summary>In-process transcripts (<c>Storage:Provider=Memory</c>): lost on restart.</summary>
internal sealed class MemoryDirectLineConversationStore(TimeProvider time) : IDirectLineConversationStore
{
    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);

    public Task<bool> CreateAsync(string conversationId, ChannelAccount? user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var created = _conversations.TryAdd(conversationId, new Conversation(now, user?.Id, user?.Name));
        return Task.FromResult(created);
    }

    public Task<DirectLineConversationRecord?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return Task.FromResult<DirectLineConversationRecord?>(null);
        }

        lock (conversation.Gate)
        {
            return Task.FromResult<DirectLineConversationRecord?>(new DirectLineConversationRecord(
                conversationId, conversation.CreatedAt, conversation.UserId, conversation.UserName, conversation.Activities.Count));
        }
    }

    public Task<bool> SetUserIfMissingAsync(string conversationId, ChannelAccount user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return Task.FromResult(false);
        }

        lock (conversation.Gate)
        {
            if (conversation.UserId is not null)
            {
                return Task.FromResult(false);
            }

            conversation.UserId = user.Id;
            conversation.UserName = user.Name;
            return Task.FromResult(true);
        }
    }

    public Task<DirectLineStoredActivity> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            throw new KeyNotFoundException("The Direct Line conversation does not exist.");
        }

        lock (conversation.Gate)
        {
            var sequence = conversation.Activities.Count + 1L;
            activity.Id = DirectLineIds.ActivityId(conversationId, sequence);
            var stored = new DirectLineStoredActivity(sequence, activity.Id, ActivitySerializer.Serialize(activity));
            conversation.Activities.Add(stored);
            conversation.UpdatedAt = time.GetUtcNow();
            return Task.FromResult(stored);
        }
    }

    public Task<IReadOnlyList<DirectLineStoredActivity>> ReadAsync(string conversationId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return Task.FromResult<IReadOnlyList<DirectLineStoredActivity>>([]);
        }

        lock (conversation.Gate)
        {
            var start = (int)Math.Clamp(afterSequence, 0, conversation.Activities.Count);
            var count = Math.Min(limit, conversation.Activities.Count - start);
            return Task.FromResult<IReadOnlyList<DirectLineStoredActivity>>(conversation.Activities.GetRange(start, count));
        }
    }

    public Task<bool> ReplaceAsync(string conversationId, long sequence, string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return Task.FromResult(false);
        }

        lock (conversation.Gate)
        {
            if (sequence < 1 || sequence > conversation.Activities.Count)
            {
                return Task.FromResult(false);
            }

            var index = (int)sequence - 1;
            conversation.Activities[index] = conversation.Activities[index] with { Json = json };
            return Task.FromResult(true);
        }
    }

    public Task<int> DeleteIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var (id, conversation) in _conversations)
        {
            bool idle;
            lock (conversation.Gate)
            {
                idle = conversation.UpdatedAt < idleSince;
            }

            if (idle && _conversations.TryRemove(new KeyValuePair<string, Conversation>(id, conversation)))
            {
                deleted++;
            }
        }

        return Task.FromResult(deleted);
    }

    private sealed class Conversation(DateTimeOffset createdAt, string? userId, string? userName)
    {
        public Lock Gate { get; } = new();

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public DateTimeOffset UpdatedAt { get; set; } = createdAt;

        public string? UserId { get; set; } = userId;

        public string? UserName { get; set; } = userName;

        public List<DirectLineStoredActivity> Activities { get; } = [];
    }
}
