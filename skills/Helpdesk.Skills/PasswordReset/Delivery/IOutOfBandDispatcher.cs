namespace Helpdesk.Skills.PasswordReset.Delivery;

/// <summary>
/// Sends messages outside the chat, in the background: queuing returns at once, so how long a request takes says
/// nothing about whether a message was sent (anti-enumeration). Failures are logged without the message.
/// </summary>
public interface IOutOfBandDispatcher
{
    /// <summary>True when messages can be sent on <paramref name="channel"/> (a sender is configured).</summary>
    bool Supports(DeliveryChannel channel);

    /// <summary>Queues <paramref name="message"/> for delivery.</summary>
    void Enqueue(OutOfBandMessage message);
}
