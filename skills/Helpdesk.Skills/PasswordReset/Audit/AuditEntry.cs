namespace Helpdesk.Skills.PasswordReset.Audit;

/// <summary>One audited action: who, what, when, where, outcome — never a secret.</summary>
/// <param name="Event">What happened (<see cref="AuditEvents"/>).</param>
/// <param name="Account">The account (sign-in name), or <c>unknown:{hash}</c> for a name that matched none.</param>
/// <param name="Channel">The channel, or "web" for the reset page.</param>
/// <param name="ConversationId">The conversation, when there is one.</param>
/// <param name="Source">Who asked as the channel sees them (channel user, browser address).</param>
/// <param name="Outcome">"ok", "failed", "refused"… </param>
/// <param name="Detail">A short non-secret detail ("method=email", "reason=expired").</param>
public sealed record AuditEntry(string Event, string Account, string Channel, string? ConversationId, string? Source, string Outcome, string? Detail = null);
