using System.Collections.Concurrent;
using Helpdesk.Skills.PasswordReset.Delivery;

namespace Helpdesk.Skills.Tests.PasswordReset;

/// <summary>A dispatcher that keeps what would have been sent (the real senders are tested in the host against a real SMTP server).</summary>
internal sealed class RecordingDispatcher(params DeliveryChannel[] supported) : IOutOfBandDispatcher
{
    private readonly HashSet<DeliveryChannel> _supported = supported.Length == 0 ? [DeliveryChannel.Email, DeliveryChannel.Sms] : [.. supported];

    public ConcurrentQueue<OutOfBandMessage> Sent { get; } = new();

    public bool Supports(DeliveryChannel channel) => _supported.Contains(channel);

    public void Enqueue(OutOfBandMessage message) => Sent.Enqueue(message);

    /// <summary>The digits of the last code sent to <paramref name="to"/>.</summary>
    public string LastCodeTo(string to)
    {
        var message = Sent.LastOrDefault(m => m.Purpose == "code" && m.To == to)
            ?? throw new InvalidOperationException($"No code was sent to {to}.");
        return new string(message.Body.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
    }
}
