namespace Helpdesk.Skills.PasswordReset.Limits;

/// <summary>Failed verifications counted after one more failure, and whether that failure triggered a block.</summary>
/// <param name="AccountFailures">Failures for the account within the abuse window.</param>
/// <param name="SourceFailures">Failures from the source within the abuse window.</param>
/// <param name="Blocked">True when this failure crossed the abuse threshold and self-service is now blocked.</param>
/// <param name="AccountFailuresForAlert">Failures for the account within the (shorter) alert window.</param>
/// <param name="SourceFailuresForAlert">Failures from the source within the alert window.</param>
public sealed record FailureTally(int AccountFailures, int SourceFailures, bool Blocked, int AccountFailuresForAlert, int SourceFailuresForAlert);
