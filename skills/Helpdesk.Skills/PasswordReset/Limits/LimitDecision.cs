namespace Helpdesk.Skills.PasswordReset.Limits;

/// <summary>Whether a request may go ahead.</summary>
/// <param name="Allowed">True when it may.</param>
/// <param name="Reason">Why not: "blocked", "too-many-codes", "too-many-attempts", "cooldown"; null when allowed.</param>
/// <param name="Scope">Which <see cref="LimitScope"/> refused, when refused.</param>
/// <param name="RetryAt">When it may be asked again, when known.</param>
public sealed record LimitDecision(bool Allowed, string? Reason = null, string? Scope = null, DateTimeOffset? RetryAt = null)
{
    public static LimitDecision Allow { get; } = new(true);

    public static LimitDecision Deny(string reason, string scope, DateTimeOffset? retryAt) => new(false, reason, scope, retryAt);
}
