namespace Helpdesk.Skills.PasswordReset.Audit;

/// <summary>The result of re-computing the audit hash chain.</summary>
/// <param name="Intact">True when every record's hash matches and no sequence number is missing.</param>
/// <param name="Records">How many records were checked.</param>
/// <param name="FirstBrokenSequence">The first record that does not match, when broken.</param>
public sealed record AuditChainVerification(bool Intact, long Records, long? FirstBrokenSequence);
