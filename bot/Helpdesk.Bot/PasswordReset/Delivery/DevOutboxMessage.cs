using Helpdesk.Skills.PasswordReset.Delivery;

namespace Helpdesk.Bot.PasswordReset.Delivery;

/// <summary>A message "sent" in Development, shown on <c>/dev/outbox</c>.</summary>
internal sealed record DevOutboxMessage(DateTimeOffset At, DeliveryChannel Channel, string To, string Subject, string Body);
