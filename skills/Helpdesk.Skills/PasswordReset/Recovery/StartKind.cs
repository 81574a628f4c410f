namespace Helpdesk.Skills.PasswordReset.Recovery;

/// <summary>How starting a verification went.</summary>
public enum StartKind
{
    /// <summary>A code was created (and, if the account has the method, sent).</summary>
    CodeSent,

    /// <summary>The user is asked for an authenticator code.</summary>
    TotpRequested,

    /// <summary>A limit or a block refused it.</summary>
    Refused,
}
