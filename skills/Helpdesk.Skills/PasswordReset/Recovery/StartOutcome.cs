using Helpdesk.Skills.PasswordReset.Limits;

namespace Helpdesk.Skills.PasswordReset.Recovery;

/// <summary>The result of starting a verification.</summary>
public sealed record StartOutcome(StartKind Kind, string? CodeId = null, DateTimeOffset? ExpiresAt = null, LimitDecision? Refusal = null);
