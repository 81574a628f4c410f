using Helpdesk.Skills.PasswordReset.Limits;
using Helpdesk.Skills.PasswordReset.Verification;

namespace Helpdesk.Skills.PasswordReset.Recovery;

/// <summary>The result of checking an answer.</summary>
/// <param name="Status">What the answer was; null when a limit refused to check it.</param>
/// <param name="AttemptsLeft">Answers the code still takes.</param>
/// <param name="Refusal">The limit that refused, when refused.</param>
/// <param name="Blocked">True when this failure blocked self-service (abuse).</param>
public sealed record AnswerOutcome(CodeCheckStatus? Status, int AttemptsLeft, LimitDecision? Refusal, bool Blocked)
{
    public bool Verified => Status == CodeCheckStatus.Verified;
}
