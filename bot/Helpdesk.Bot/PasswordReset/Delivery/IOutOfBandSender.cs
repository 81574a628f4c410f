using Helpdesk.Skills.PasswordReset.Delivery;

namespace Helpdesk.Bot.PasswordReset.Delivery;

/// <summary>Delivers messages on one channel (SMTP, an SMS provider, the development outbox).</summary>
internal interface IOutOfBandSender
{
    DeliveryChannel Channel { get; }

    /// <summary>Sends <paramref name="message"/>; throws on failure (the dispatcher retries).</summary>
    Task SendAsync(OutOfBandMessage message, CancellationToken cancellationToken);
}
