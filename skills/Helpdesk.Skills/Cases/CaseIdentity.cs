using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Skills.Cases;

/// <summary>Who the user is, as far as the bot knows, and whether that was verified with a second factor.</summary>
/// <param name="Account">The account (UPN or username) the user named or the channel carried; null when unknown.</param>
/// <param name="Verified">True only after a successful verification (a one-time code or TOTP).</param>
/// <param name="Method">How it was verified ("totp", "email", "sms"), or null.</param>
public sealed record CaseIdentity(string? Account, bool Verified, string? Method) : IImmutableJsonValue;
