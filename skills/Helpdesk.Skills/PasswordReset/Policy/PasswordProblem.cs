namespace Helpdesk.Skills.PasswordReset.Policy;

/// <summary>Why a new password was refused.</summary>
public enum PasswordProblem
{
    TooShort,
    TooLong,
    Blocklisted,
    ContainsContextWord,
    TooGuessable,
    Mismatch,
}
