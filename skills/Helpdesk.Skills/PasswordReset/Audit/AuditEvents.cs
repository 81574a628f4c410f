namespace Helpdesk.Skills.PasswordReset.Audit;

/// <summary>The audited events (the <c>event</c> column).</summary>
public static class AuditEvents
{
    public const string VerificationStarted = "verification.started";
    public const string CodeSent = "code.sent";
    public const string CodeVerified = "code.verified";
    public const string CodeRejected = "code.rejected";
    public const string TotpVerified = "totp.verified";
    public const string TotpRejected = "totp.rejected";
    public const string RateLimited = "limit.refused";
    public const string Blocked = "limit.blocked";
    public const string LinkIssued = "link.issued";
    public const string LinkUsed = "link.used";
    public const string LinkRejected = "link.rejected";
    public const string PasswordReset = "password.reset";
    public const string PasswordRejected = "password.rejected";
    public const string TemporaryPasswordIssued = "password.temporary";
    public const string AccountUnlocked = "account.unlocked";
    public const string NotificationSent = "notification.sent";
    public const string Escalated = "verification.escalated";
    public const string DirectoryUnavailable = "directory.unavailable";
    public const string AnomalyAlert = "alert.anomaly";
    public const string TotpEnrolled = "totp.enrolled";
}
