using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.Teams.Proactive;

/// <summary>
/// The one place the bot keeps how to reach a conversation later — for every feature that writes proactively (agent
/// replies in a handoff, incident updates, ticket updates) and every channel: one reference per conversation with the
/// adapter it came through, the user's personal chat findable by user id, and a dead mark once the channel says the
/// bot can no longer write there (uninstalled, blocked, removed from the team, conversation deleted). A reference saved
/// again (the user came back) is alive. Sending goes through <see cref="Hosting.ProactiveMessenger"/>, which honours
/// and sets the dead mark.
/// </summary>
internal interface IConversationReferenceStore
{
    /// <summary>
    /// Saves (or refreshes) the reference of a conversation the bot just heard from, with the name of the adapter that
    /// can write to it (null when unknown); clears a dead mark.
    /// </summary>
    Task SaveAsync(ConversationReference reference, string? adapterName, CancellationToken cancellationToken);

    /// <summary>The stored reference of a conversation, or null.</summary>
    Task<StoredConversationReference?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>The user's personal (one-to-one) chat with the bot on a channel, or null.</summary>
    Task<StoredConversationReference?> FindPersonalAsync(string channelId, string userId, CancellationToken cancellationToken);

    /// <summary>Marks a conversation as unreachable (kept, so the failure is explainable); later sends are skipped.</summary>
    Task MarkDeadAsync(string channelId, string conversationId, string reason, CancellationToken cancellationToken);
}
