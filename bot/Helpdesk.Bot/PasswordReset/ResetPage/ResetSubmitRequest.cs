namespace Helpdesk.Bot.PasswordReset.ResetPage;

/// <summary><c>POST /reset/api/submit</c>: the new password (never logged).</summary>
internal sealed record ResetSubmitRequest(string? Token, string? Password, string? Confirmation)
{
    /// <summary>Never prints the password.</summary>
    public override string ToString() => "reset submission";
}
