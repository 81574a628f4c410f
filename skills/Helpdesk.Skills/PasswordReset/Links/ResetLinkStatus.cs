namespace Helpdesk.Skills.PasswordReset.Links;

/// <summary>What a reset-link token turned out to be.</summary>
public enum ResetLinkStatus
{
    /// <summary>Alive and unused.</summary>
    Valid,

    /// <summary>Never issued (or tampered with).</summary>
    Unknown,

    /// <summary>Past its lifetime.</summary>
    Expired,

    /// <summary>Already used for a reset (a replay).</summary>
    Used,

    /// <summary>A reset with it is in progress right now.</summary>
    InProgress,
}
