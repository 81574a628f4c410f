namespace Helpdesk.Bot.Handoff.Store;

/// <summary>One recorded activity of a conversation (already redacted), inbound (from the user) or outbound (from the bot).</summary>
internal sealed record TranscriptEntry(long Id, string ConversationKey, DateTimeOffset At, bool Inbound, string ActivityJson);
