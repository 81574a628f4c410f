namespace Helpdesk.Bot.Channels.Slack;

/// <summary>
/// The direct Slack adapter (Events API + interactivity + Web API), for workspaces that don't route Slack through
/// Azure Bot Service. Section <c>Slack</c>. Off unless both <see cref="SigningSecret"/> and <see cref="BotToken"/> are set.
/// </summary>
internal sealed class SlackOptions
{
    public const string SectionName = "Slack";

    public const string DefaultApiBaseUrl = "https://slack.com/api/";

    /// <summary>The app's signing secret (Basic Information → App Credentials); every request must be signed with it.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot user OAuth token (<c>xoxb-…</c>) the replies are posted with.</summary>
    public string? BotToken { get; set; }

    /// <summary>Base address of the Slack Web API (tests point it at a local recorder).</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>How old (or how far in the future) a request's timestamp may be: Slack's replay window.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an event id is remembered to drop Slack's retries of it.</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Retries of a Web API call after HTTP 429 (honouring <c>Retry-After</c>), a 5xx or a network failure.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay for 5xx and network failures; it doubles per retry.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts; a <c>Retry-After</c> beyond it ends the retries.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The bot's own user id (<c>U…</c>); learnt from the events' <c>authorizations</c> when not set.</summary>
    public string? BotUserId { get; set; }

    /// <summary>After a button click, replace the message's buttons with the choice (so it can't be clicked twice).</summary>
    public bool UpdateClickedMessages { get; set; } = true;

    /// <summary>Turns waiting to run at most; beyond it new events get HTTP 503 (Slack retries them later).</summary>
    public int MaxQueuedTurns { get; set; } = 1000;

    /// <summary>True when both the signing secret and the bot token are configured.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(SigningSecret) && !string.IsNullOrWhiteSpace(BotToken);
}
