namespace Helpdesk.Skills.PasswordReset.Recovery;

/// <summary>The account a recovery is about, as far as the user is concerned — whether it exists is not told.</summary>
/// <param name="Subject">What limits and codes are counted against: <c>acct:{id}</c>, or <c>ident:{keyed hash}</c> for a name that matched no account.</param>
/// <param name="AccountId">The directory account id, or null when the name matched none.</param>
/// <param name="Name">The name the user gave (or the channel's account), shown back to them.</param>
/// <param name="AuditName">The name written to the audit: the sign-in name, or <c>unknown:{short hash}</c>.</param>
public sealed record RecoveryTarget(string Subject, string? AccountId, string Name, string AuditName);
