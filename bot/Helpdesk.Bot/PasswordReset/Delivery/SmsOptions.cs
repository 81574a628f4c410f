using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Bot.PasswordReset.Delivery;

/// <summary>
/// A pluggable HTTP SMS provider (section <c>PasswordReset:Sms</c>): the bot POSTs
/// <c>{"to": "+1555…", "from": "…", "text": "…"}</c> as JSON to <see cref="Endpoint"/> with the API key in
/// <see cref="ApiKeyHeader"/> (default <c>Authorization: Bearer …</c>). Text messages are off when no endpoint is set
/// (in Development the local outbox is used instead).
/// </summary>
internal sealed class SmsOptions
{
    public const string SectionName = "PasswordReset:Sms";

    [Url(ErrorMessage = "PasswordReset:Sms:Endpoint must be an absolute URL.")]
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>The header that carries <see cref="ApiKey"/>; <c>Authorization</c> sends <c>Bearer {key}</c>.</summary>
    public string ApiKeyHeader { get; set; } = "Authorization";

    /// <summary>The sender id or number.</summary>
    public string? From { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);
}
