namespace Helpdesk.Skills.PasswordReset.Delivery;

/// <summary>How a message reaches the user outside the chat.</summary>
public enum DeliveryChannel
{
    Email,
    Sms,
}
