using Helpdesk.Bot.Channels.DirectLine.Storage;
using Helpdesk.Bot.Channels.DirectLine.Streaming;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>
/// Puts activities into a conversation's stream: stored ones get their sequence and id from the store and are then
/// announced to open sockets; ephemeral ones (typing, as Direct Line streams them over WebSocket only) are only
/// announced.
/// </summary>
internal sealed class DirectLineTranscript(IDirectLineConversationStore store, DirectLineStreamHub hub)
{
    public IDirectLineConversationStore Store => store;

    /// <summary>True for activities Direct Line streams but does not keep (typing).</summary>
    public static bool IsEphemeral(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.IsType(ActivityTypes.Typing);
    }

    /// <summary>Stores <paramref name="activity"/> (setting its id) and announces it; ephemeral ones are only announced.</summary>
    public async Task<string> AddAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (IsEphemeral(activity))
        {
            activity.Id = DirectLineIds.EphemeralActivityId(conversationId);
            hub.Publish(conversationId, DirectLineStreamItem.Ephemeral(ActivitySerializer.Serialize(activity)));
            return activity.Id;
        }

        var stored = await store.AppendAsync(conversationId, activity, cancellationToken);
        hub.Publish(conversationId, DirectLineStreamItem.Stored(stored.Sequence, stored.Json));
        return stored.Id;
    }
}
