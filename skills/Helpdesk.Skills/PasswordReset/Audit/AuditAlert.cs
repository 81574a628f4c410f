namespace Helpdesk.Skills.PasswordReset.Audit;

/// <summary>An anomaly worth a person's attention: many failed verifications for one account or from one source.</summary>
/// <param name="Kind">"account-failures" or "source-failures".</param>
/// <param name="Subject">The account or the source.</param>
/// <param name="Failures">How many failures within <paramref name="Window"/>.</param>
/// <param name="Window">The window counted.</param>
/// <param name="At">When it was raised.</param>
public sealed record AuditAlert(string Kind, string Subject, int Failures, TimeSpan Window, DateTimeOffset At);
