namespace Helpdesk.Skills.PasswordReset.Recovery;

/// <summary>How a submission on the reset page went.</summary>
public enum PageResetKind
{
    /// <summary>The password was changed; the link is dead.</summary>
    Changed,

    /// <summary>The password was refused by the policy (the link still works).</summary>
    Weak,

    /// <summary>The directory refused the password (its own policy; the link still works).</summary>
    DirectoryRejected,

    /// <summary>The link does not work (unknown, expired, used, in use).</summary>
    LinkInvalid,

    /// <summary>Too many bad links from this source: blocked for a while.</summary>
    Blocked,

    /// <summary>The directory could not be reached (the link still works).</summary>
    Unavailable,
}
