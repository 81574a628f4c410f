using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>
/// The self-hosted Direct Line 3.0 channel. Section <c>DirectLine</c>. Everything has a working default: with no
/// secret or signing key configured, both are generated at first start and kept in the data folder
/// (<c>directline-keys.json</c>; in <c>Storage:Provider=Memory</c> mode they live in memory only).
/// </summary>
internal sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>A Direct Line secret (master key: any conversation; exchanged for tokens). Added to <see cref="Secrets"/>.</summary>
    public string? Secret { get; set; }

    /// <summary>Further accepted secrets (key rotation: keep the old one here until clients moved on).</summary>
    public IList<string> Secrets { get; } = [];

    /// <summary>Base64 key (at least 32 bytes) that signs tokens; generated and persisted when empty.</summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>How long a token is valid (it can be refreshed before that). Direct Line clients refresh every 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "DirectLine:TokenLifetime must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>How long a stream URL may be used to open its WebSocket (Direct Line: 60 seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:30:00", ErrorMessage = "DirectLine:StreamUrlLifetime must be between 00:00:05 and 00:30:00.")]
    public TimeSpan StreamUrlLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Public origin of this host (e.g. <c>https://helpdesk.example.com</c>) used to build <c>streamUrl</c> and
    /// <c>serviceUrl</c>. Empty: taken from each request (scheme, host, path base).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The bot's account in Direct Line conversations (<c>recipient</c> of user activities, <c>from</c> of replies).</summary>
    [Required(ErrorMessage = "DirectLine:BotId is required.")]
    [RegularExpression("^[A-Za-z0-9_.:@-]{1,128}$", ErrorMessage = "DirectLine:BotId may hold letters, digits and _ . : @ - (1-128 characters).")]
    public string BotId { get; set; } = "helpdesk-bot";

    [Required(ErrorMessage = "DirectLine:BotName is required.")]
    [StringLength(128, MinimumLength = 1, ErrorMessage = "DirectLine:BotName must be 1-128 characters.")]
    public string BotName { get; set; } = "Helpdesk";

    /// <summary>Most activities one <c>GET .../activities</c> or one replay frame carries; clients page by watermark.</summary>
    [Range(1, 1000, ErrorMessage = "DirectLine:MaxActivitiesPerPage must be between 1 and 1000.")]
    public int MaxActivitiesPerPage { get; set; } = 100;

    /// <summary>Interval of the empty keep-alive frames on a WebSocket stream.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "DirectLine:HeartbeatInterval must be between 00:00:01 and 00:10:00.")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A WebSocket send that takes longer than this aborts that socket (the client reconnects with its watermark).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "DirectLine:StreamSendTimeout must be between 00:00:01 and 00:10:00.")]
    public TimeSpan StreamSendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Frames queued per socket before the oldest are dropped (the socket then catches up from the store).</summary>
    [Range(8, 10_000, ErrorMessage = "DirectLine:StreamBufferSize must be between 8 and 10000.")]
    public int StreamBufferSize { get; set; } = 256;

    /// <summary>Open WebSockets per conversation; a further one closes the oldest with reason <c>collision</c>.</summary>
    [Range(1, 100, ErrorMessage = "DirectLine:MaxStreamsPerConversation must be between 1 and 100.")]
    public int MaxStreamsPerConversation { get; set; } = 4;

    /// <summary>Conversations idle longer than this are deleted with their transcript. <c>00:00:00</c> keeps them forever.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00", ErrorMessage = "DirectLine:TranscriptRetention must be between 00:00:00 (forever) and 3650 days.")]
    public TimeSpan TranscriptRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the retention sweep runs.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "DirectLine:RetentionSweepInterval must be between 00:01:00 and 7 days.")]
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Origins allowed to call the API from a browser on another origin (<c>*</c> for any). Empty: same origin only.</summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>
    /// <c>POST /api/webchat/token</c>: tokens one client IP may mint per <see cref="WebChatTokenWindow"/>. Behind a
    /// reverse proxy the host must apply forwarded headers, or all users share the proxy's address.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "DirectLine:WebChatTokenPermitLimit must be between 1 and 100000.")]
    public int WebChatTokenPermitLimit { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "DirectLine:WebChatTokenWindow must be between 00:00:01 and 1 day.")]
    public TimeSpan WebChatTokenWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>All configured secrets (<see cref="Secret"/> and <see cref="Secrets"/>), blanks removed.</summary>
    public IReadOnlyList<string> ConfiguredSecrets =>
        [.. new[] { Secret }.Concat(Secrets).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).Distinct(StringComparer.Ordinal)];
}
