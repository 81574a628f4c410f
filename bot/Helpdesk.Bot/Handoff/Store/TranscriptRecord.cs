namespace Helpdesk.Bot.Handoff.Store;

/// <summary>One activity to record in a conversation's transcript (already redacted).</summary>
internal sealed record TranscriptRecord(string ConversationKey, DateTimeOffset At, bool Inbound, string ActivityJson);
