using Helpdesk.Skills.PasswordReset.Links;

namespace Helpdesk.Skills.PasswordReset.Recovery;

/// <summary>What the reset page shows for a token.</summary>
/// <param name="Status">Whether the link works.</param>
/// <param name="SignInName">The account, when it works.</param>
/// <param name="DisplayName">The user's name, when it works.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
/// <param name="ContextWords">Words the password may not contain (for the page's meter; the server checks again).</param>
public sealed record ResetPageState(ResetLinkStatus Status, string? SignInName = null, string? DisplayName = null, DateTimeOffset? ExpiresAt = null, IReadOnlyList<string>? ContextWords = null);
