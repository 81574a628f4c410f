namespace Helpdesk.Bot.Handoff.Store;

/// <summary>A service-desk agent: local account (with a password hash) or one signed in through OpenID Connect (no hash).</summary>
internal sealed record AgentAccount(
    string Username,
    string DisplayName,
    string? PasswordHash,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSeenAt);
