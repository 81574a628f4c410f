using Helpdesk.Skills.PasswordReset.Links;

namespace Helpdesk.Skills.PasswordReset.Recovery;

/// <summary>The result of a submission on the reset page.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Messages">What to tell the user (policy problems, the directory's reason).</param>
/// <param name="LinkStatus">The link's status when it did not work.</param>
public sealed record PageResetOutcome(PageResetKind Kind, IReadOnlyList<string> Messages, ResetLinkStatus? LinkStatus = null);
