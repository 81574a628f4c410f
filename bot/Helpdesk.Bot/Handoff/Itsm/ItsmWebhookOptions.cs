namespace Helpdesk.Bot.Handoff.Itsm;

/// <summary>A generic ticket webhook. Section <c>Handoff:Itsm:Webhook</c>.</summary>
internal sealed class ItsmWebhookOptions
{
    /// <summary>Where events are POSTed (https, or http to localhost).</summary>
    public string? Url { get; set; }

    /// <summary>Shared secret of the HMAC-SHA256 signature (at least 32 characters).</summary>
    public string? Secret { get; set; }

    /// <summary>Attempts per event (retries on 408, 429, 5xx and network errors, with exponential backoff).</summary>
    public int MaxAttempts { get; set; } = 4;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
