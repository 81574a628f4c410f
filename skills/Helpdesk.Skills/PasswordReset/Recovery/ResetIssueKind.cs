namespace Helpdesk.Skills.PasswordReset.Recovery;

/// <summary>What a verified user gets for a reset.</summary>
public enum ResetIssueKind
{
    /// <summary>A single-use link to the reset page.</summary>
    Link,

    /// <summary>A temporary password, sent out of band, that must be changed at the next sign-in.</summary>
    TemporaryPassword,

    /// <summary>The account was reset recently: self-service waits until the cooldown ends.</summary>
    CoolingDown,

    /// <summary>The directory refused or failed.</summary>
    Failed,
}
