using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.State;

/// <summary>State shared by everyone in a conversation: key <c>{channelId}/conversations/{conversationId}</c>.</summary>
public sealed class ConversationState(IStorage storage) : BotState(storage, nameof(ConversationState))
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId ?? throw new InvalidOperationException("The activity has no channelId, so conversation state has no key.");
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation.id, so conversation state has no key.");
        return StorageKey(channelId, conversationId);
    }

    /// <summary>The storage key of a conversation's state, for readers outside a turn (a channel deciding how to store a message).</summary>
    public static string StorageKey(string channelId, string conversationId) => $"{channelId}/conversations/{conversationId}";
}
