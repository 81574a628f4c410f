namespace Helpdesk.Skills.PasswordReset.Links;

/// <summary>What a reset-link token stands for: the verified account and the conversation it was issued in.</summary>
public sealed record ResetLinkGrant(ResetLinkStatus Status, string? AccountId = null, string? Channel = null, string? ConversationId = null, DateTimeOffset? ExpiresAt = null)
{
    public bool IsValid => Status == ResetLinkStatus.Valid;
}
