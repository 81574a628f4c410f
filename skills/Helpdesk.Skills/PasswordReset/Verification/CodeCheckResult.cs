namespace Helpdesk.Skills.PasswordReset.Verification;

/// <summary>The outcome of checking an answer.</summary>
public sealed record CodeCheckResult(CodeCheckStatus Status, int AttemptsLeft)
{
    public bool Verified => Status == CodeCheckStatus.Verified;
}
