namespace Helpdesk.Bot.Handoff;

/// <summary>Where the conversation happens.</summary>
internal sealed record HandoffChannel(string ChannelId, string? ConversationId);
