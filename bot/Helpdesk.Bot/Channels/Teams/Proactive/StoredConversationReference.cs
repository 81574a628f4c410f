using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.Teams.Proactive;

/// <summary>
/// A stored conversation reference: when it was last confirmed, the adapter it came through (its
/// <see cref="Hosting.ProactiveAdapters"/> name, so a later message goes back the same way), and whether (and why) it
/// is dead.
/// </summary>
internal sealed record StoredConversationReference(
    ConversationReference Reference,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeadSince = null,
    string? DeadReason = null,
    string? AdapterName = null)
{
    public bool IsDead => DeadSince is not null;
}
