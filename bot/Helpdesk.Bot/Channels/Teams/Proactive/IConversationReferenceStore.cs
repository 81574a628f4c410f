using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.Teams.Proactive;

/// <summary>
/// Where the bot keeps how to reach a conversation later (handoff relay, ticket updates): one reference per
/// conversation, the user's personal chat findable by user id, and a dead mark once the channel says the bot can no
/// longer write there (uninstalled, blocked, removed from the team). A reference saved again (the user came back) is alive.
/// </summary>
internal interface IConversationReferenceStore
{
    /// <summary>Saves (or refreshes) the reference of a conversation the bot just heard from; clears a dead mark.</summary>
    Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken);

    /// <summary>The stored reference of a conversation, or null.</summary>
    Task<StoredConversationReference?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>The user's personal (one-to-one) chat with the bot on a channel, or null.</summary>
    Task<StoredConversationReference?> FindPersonalAsync(string channelId, string userId, CancellationToken cancellationToken);

    /// <summary>Marks a conversation as unreachable (kept, so the failure is explainable); later sends are skipped.</summary>
    Task MarkDeadAsync(string channelId, string conversationId, string reason, CancellationToken cancellationToken);
}
