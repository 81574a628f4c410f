namespace Helpdesk.Skills.PasswordReset.Delivery;

/// <summary>A message sent outside the chat (a code, a temporary password, a "your password changed" notice).</summary>
/// <param name="Channel">E-mail or text message.</param>
/// <param name="To">The address or E.164 phone number.</param>
/// <param name="Subject">The e-mail subject (ignored for text messages).</param>
/// <param name="Body">The text; may hold a secret, so it is never logged.</param>
/// <param name="Purpose">What it is for, for logs: "code", "temporary-password", "notification".</param>
public sealed record OutOfBandMessage(DeliveryChannel Channel, string To, string Subject, string Body, string Purpose)
{
    /// <summary>Never prints the body or the address.</summary>
    public override string ToString() => $"{Channel} {Purpose} message";
}
