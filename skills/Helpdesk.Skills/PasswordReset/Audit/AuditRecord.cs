namespace Helpdesk.Skills.PasswordReset.Audit;

/// <summary>A stored audit entry with its place in the hash chain.</summary>
/// <param name="Sequence">1, 2, 3… in write order.</param>
/// <param name="At">When it was written.</param>
/// <param name="Entry">What was audited.</param>
/// <param name="Hash">SHA-256 over the previous hash and this entry (hex).</param>
public sealed record AuditRecord(long Sequence, DateTimeOffset At, AuditEntry Entry, string Hash);
