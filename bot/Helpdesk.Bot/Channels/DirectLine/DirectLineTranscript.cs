using Helpdesk.Bot.Channels.DirectLine.Storage;
using Helpdesk.Bot.Channels.DirectLine.Streaming;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>
/// Puts activities into a conversation's stream: stored ones get their sequence and id from the store and are then
/// announced to open sockets; ephemeral ones (typing, as Direct Line streams them over WebSocket only) are only
/// announced. When the copy to store is redacted (secrets), the store gets the redacted copy, open sockets get the
/// real activity, and the real one is served from <see cref="DirectLineDeliveryCache"/> for a while.
/// </summary>
internal sealed class DirectLineTranscript(IDirectLineConversationStore store, DirectLineStreamHub hub, DirectLineDeliveryCache deliveries)
{
    public IDirectLineConversationStore Store => store;

    /// <summary>True for activities Direct Line streams but does not keep (typing).</summary>
    public static bool IsEphemeral(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.IsType(ActivityTypes.Typing);
    }

    /// <summary>
    /// Stores <paramref name="storedCopy"/> (default: <paramref name="activity"/> itself), setting the id on both, and
    /// announces it — or, with <paramref name="deliverFull"/> (a bot reply), announces and serves the real
    /// <paramref name="activity"/> for a while. Ephemeral ones are only announced.
    /// </summary>
    public async Task<string> AddAsync(string conversationId, Activity activity, CancellationToken cancellationToken, Activity? storedCopy = null, bool deliverFull = false)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (IsEphemeral(activity))
        {
            activity.Id = DirectLineIds.EphemeralActivityId(conversationId);
            hub.Publish(conversationId, DirectLineStreamItem.Ephemeral(ActivitySerializer.Serialize(activity)));
            return activity.Id;
        }

        var stored = await store.AppendAsync(conversationId, storedCopy ?? activity, cancellationToken);
        var json = stored.Json;
        if (storedCopy is not null)
        {
            activity.Id = stored.Id;
        }

        if (storedCopy is not null && deliverFull)
        {
            var full = ActivitySerializer.Serialize(activity);
            if (!string.Equals(full, stored.Json, StringComparison.Ordinal))
            {
                deliveries.Put(conversationId, stored.Sequence, full);
                json = full;
            }
        }

        hub.Publish(conversationId, DirectLineStreamItem.Stored(stored.Sequence, json));
        return stored.Id;
    }

    /// <summary>Up to <paramref name="limit"/> activities after <paramref name="afterSequence"/>, as the client should see them.</summary>
    public async Task<IReadOnlyList<DirectLineStoredActivity>> ReadAsync(string conversationId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var page = await store.ReadAsync(conversationId, afterSequence, limit, cancellationToken);
        if (deliveries.Count == 0)
        {
            return page;
        }

        return [.. page.Select(a => deliveries.Find(conversationId, a.Sequence) is { } full ? a with { Json = full } : a)];
    }

    /// <summary>Replaces the stored copy of the activity <paramref name="activityId"/> (the redacted copy of a secret message).</summary>
    public Task<bool> ReplaceStoredAsync(string conversationId, string activityId, Activity storedCopy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storedCopy);
        var prefix = conversationId + "|";
        if (!activityId.StartsWith(prefix, StringComparison.Ordinal) || !long.TryParse(activityId.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence))
        {
            return Task.FromResult(false);
        }

        storedCopy.Id = activityId;
        return store.ReplaceAsync(conversationId, sequence, ActivitySerializer.Serialize(storedCopy), cancellationToken);
    }
}
