namespace Helpdesk.Skills.PasswordReset.Embedded;

/// <summary>How a sign-in against the embedded directory went.</summary>
public enum SignInResult
{
    Succeeded,
    MustChangePassword,
    WrongPassword,
    LockedOut,
    UnknownAccount,
}
