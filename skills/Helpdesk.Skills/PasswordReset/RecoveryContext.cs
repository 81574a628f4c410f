namespace Helpdesk.Skills.PasswordReset;

/// <summary>Where a recovery request comes from, for limits and the audit.</summary>
/// <param name="Channel">The channel id (msteams, webchat, directline, slack…), or "web" for the reset page.</param>
/// <param name="ConversationId">The conversation (the reset page: the conversation the link was issued in).</param>
/// <param name="Source">Who is asking as the channel sees them ("msteams:29:1abc…", or the browser's address).</param>
public sealed record RecoveryContext(string Channel, string ConversationId, string Source);
