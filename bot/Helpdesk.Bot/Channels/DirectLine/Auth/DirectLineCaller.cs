namespace Helpdesk.Bot.Channels.DirectLine.Auth;

/// <summary>Who called: a secret holder (any conversation) or a token holder (its one conversation).</summary>
internal sealed record DirectLineCaller(bool IsSecret, DirectLineTokenClaims? Token)
{
    public static DirectLineCaller Secret { get; } = new(true, null);

    /// <summary>The user the token binds, if any (it overrides what the client puts in <c>from.id</c>).</summary>
    public string? BoundUserId => Token?.UserId;

    public bool CanAccess(string conversationId) =>
        IsSecret || string.Equals(Token?.ConversationId, conversationId, StringComparison.Ordinal);
}
