using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Handoff;

/// <summary>How conversations are keyed in the handoff and transcript stores.</summary>
internal static class HandoffKeys
{
    /// <summary><c>{channelId}/{conversationId}</c>, the same key the turn lock uses.</summary>
    public static string ConversationKey(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return $"{activity.ChannelId}/{activity.Conversation?.Id}";
    }

    public static string ConversationKey(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return $"{reference.ChannelId}/{reference.Conversation?.Id}";
    }
}
