using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.Teams.Proactive;

/// <summary>A stored conversation reference: when it was last confirmed, and whether (and why) it is dead.</summary>
internal sealed record StoredConversationReference(
    ConversationReference Reference,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeadSince = null,
    string? DeadReason = null)
{
    public bool IsDead => DeadSince is not null;
}
