namespace Helpdesk.Skills.PasswordReset;

/// <summary>Something the user has, used as the second factor.</summary>
public enum VerificationMethodKind
{
    /// <summary>A code from an enrolled authenticator app (RFC 6238).</summary>
    Totp,

    /// <summary>A one-time code sent to the registered alternate e-mail address.</summary>
    Email,

    /// <summary>A one-time code sent by text message to the registered phone.</summary>
    Sms,
}
