using Helpdesk.Skills.PasswordReset.Delivery;

namespace Helpdesk.Bot.PasswordReset.Delivery;

/// <summary>Development only: "sends" by putting the message in the <see cref="DevOutbox"/>.</summary>
internal sealed class DevOutboxSender(DevOutbox outbox, DeliveryChannel channel) : IOutOfBandSender
{
    public DeliveryChannel Channel => channel;

    public Task SendAsync(OutOfBandMessage message, CancellationToken cancellationToken)
    {
        outbox.Add(message);
        return Task.CompletedTask;
    }
}
