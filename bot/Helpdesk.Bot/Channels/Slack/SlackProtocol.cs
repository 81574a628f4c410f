namespace Helpdesk.Bot.Channels.Slack;

/// <summary>Names fixed by Slack's Events API, interactivity and Web API.</summary>
internal static class SlackProtocol
{
    public const string EventsRoute = "/api/slack/events";
    public const string InteractiveRoute = "/api/slack/interactive";

    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";
    public const string RetryNumHeader = "X-Slack-Retry-Num";
    public const string RetryReasonHeader = "X-Slack-Retry-Reason";
    public const string SignatureVersion = "v0";

    /// <summary>Outer payload types of the Events API.</summary>
    public const string UrlVerification = "url_verification";
    public const string EventCallback = "event_callback";

    /// <summary>Inner event types the bot answers.</summary>
    public const string MessageEvent = "message";
    public const string AppMentionEvent = "app_mention";

    /// <summary><c>channel_type</c> values.</summary>
    public const string DirectMessage = "im";
    public const string GroupDirectMessage = "mpim";

    /// <summary>Message subtypes that still carry a person's words.</summary>
    public static readonly IReadOnlySet<string> UserSubtypes = new HashSet<string>(StringComparer.Ordinal) { "thread_broadcast", "file_share" };

    /// <summary>The interactivity payload of a button click / select in a message.</summary>
    public const string BlockActions = "block_actions";

    /// <summary>Web API methods the adapter calls.</summary>
    public const string PostMessageMethod = "chat.postMessage";
    public const string UpdateMethod = "chat.update";
    public const string UsersInfoMethod = "users.info";

    /// <summary>The name of the Web API HTTP client (IHttpClientFactory).</summary>
    public const string ApiHttpClient = "Slack.WebApi";

    /// <summary>Block Kit limits (api.slack.com/reference/block-kit).</summary>
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxHeaderText = 150;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;
    public const int MaxActionsPerBlock = 25;
    public const int MaxSectionFields = 10;
    public const int MaxFieldText = 2000;
    public const int MaxMessageText = 40000;
}
