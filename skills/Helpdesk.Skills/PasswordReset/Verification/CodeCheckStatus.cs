namespace Helpdesk.Skills.PasswordReset.Verification;

/// <summary>What an answer to a one-time code (or an authenticator prompt) turned out to be.</summary>
public enum CodeCheckStatus
{
    /// <summary>Right, and now used up.</summary>
    Verified,

    /// <summary>Wrong; the code still takes <see cref="CodeCheckResult.AttemptsLeft"/> more answers.</summary>
    Wrong,

    /// <summary>Past its lifetime.</summary>
    Expired,

    /// <summary>Used up: answered right before, or wrong too often.</summary>
    Exhausted,

    /// <summary>An authenticator code that was already used (replay).</summary>
    Replayed,
}
