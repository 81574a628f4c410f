using Helpdesk.Skills.PasswordReset.Delivery;

namespace Helpdesk.Bot.PasswordReset.Delivery;

/// <summary>
/// Development only: e-mails and text messages land here (in memory, the newest <see cref="Capacity"/>) instead of
/// going out, so the whole flow can be tried locally; shown at <c>/dev/outbox</c>.
/// </summary>
internal sealed class DevOutbox(TimeProvider time)
{
    public const int Capacity = 100;

    private readonly LinkedList<DevOutboxMessage> _messages = new();
    private readonly Lock _gate = new();

    public void Add(OutOfBandMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            _messages.AddFirst(new DevOutboxMessage(time.GetUtcNow(), message.Channel, message.To, message.Subject, message.Body));
            while (_messages.Count > Capacity)
            {
                _messages.RemoveLast();
            }
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<DevOutboxMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }
}
