namespace Helpdesk.Skills.PasswordReset;

/// <summary>What the user asked for.</summary>
public enum PasswordResetIntent
{
    /// <summary>Forgot or expired password: a new one.</summary>
    Reset,

    /// <summary>Locked out: unlock without changing the password.</summary>
    Unlock,

    /// <summary>"Can't sign in": unlock if locked, then offer a reset.</summary>
    CantSignIn,
}
