namespace Helpdesk.Bot.Channels.DirectLine.Auth;

/// <summary>What a valid token grants: one conversation, for one user when bound, until <see cref="ExpiresAt"/>.</summary>
internal sealed record DirectLineTokenClaims(string ConversationId, string? UserId, string? UserName, string Scope, DateTimeOffset ExpiresAt);
