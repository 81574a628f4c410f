using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Bot.PasswordReset.Delivery;

/// <summary>The SMTP relay for codes and notices (section <c>PasswordReset:Smtp</c>); e-mail is off when <see cref="Host"/> is empty (in Development the local outbox is used instead).</summary>
internal sealed class SmtpOptions
{
    public const string SectionName = "PasswordReset:Smtp";

    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "PasswordReset:Smtp:Port must be 1 to 65535.")]
    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c> (default), <c>SslOnConnect</c>, <c>Auto</c> or <c>None</c> (a local relay only).</summary>
    [RegularExpression("^(?i)(starttls|sslonconnect|auto|none)$", ErrorMessage = "PasswordReset:Smtp:Security must be StartTls, SslOnConnect, Auto or None.")]
    public string Security { get; set; } = "StartTls";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [EmailAddress(ErrorMessage = "PasswordReset:Smtp:From must be an e-mail address.")]
    public string From { get; set; } = "it-help@contoso.example";

    public string FromName { get; set; } = "IT help";

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "PasswordReset:Smtp:Timeout must be 1 second to 5 minutes.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
