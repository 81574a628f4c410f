using Helpdesk.Skills.PasswordReset.Delivery;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Helpdesk.Bot.PasswordReset.Delivery;

/// <summary>Sends e-mail through the configured SMTP relay (MailKit): STARTTLS by default, authenticated when a user name is set.</summary>
internal sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IOutOfBandSender
{
    public DeliveryChannel Channel => DeliveryChannel.Email;

    public async Task SendAsync(OutOfBandMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value;
        using var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };

        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        var security = smtp.Security.ToUpperInvariant() switch
        {
            "SSLONCONNECT" => SecureSocketOptions.SslOnConnect,
            "AUTO" => SecureSocketOptions.Auto,
            "NONE" => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
