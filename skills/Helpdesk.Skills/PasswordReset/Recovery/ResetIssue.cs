using Helpdesk.Skills.PasswordReset.Delivery;
using Helpdesk.Skills.PasswordReset.Links;

namespace Helpdesk.Skills.PasswordReset.Recovery;

/// <summary>The result of issuing a reset to a verified user.</summary>
public sealed record ResetIssue(ResetIssueKind Kind, IssuedLink? Link = null, DeliveryChannel? DeliveredBy = null, DateTimeOffset? CooldownEnds = null)
{
    /// <summary>Never prints the link.</summary>
    public override string ToString() => $"reset issue {Kind}";
}
