namespace Helpdesk.Bot.Channels.DirectLine.Storage;

/// <summary>A stored Direct Line conversation: when it started, its user (once known) and its last sequence number.</summary>
internal sealed record DirectLineConversationRecord(string Id, DateTimeOffset CreatedAt, string? UserId, string? UserName, long LastSequence);
