using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>
/// The channel's rules for activities, without HTTP. Inbound: the server sets id (later, from the store),
/// timestamp, <c>channelId</c> "directline" (as Microsoft's Direct Line does for Web Chat too), conversation,
/// recipient (the bot) and <c>serviceUrl</c>; <c>from</c> is kept as sent but forced to role "user" and, when the
/// token binds a user, to that user's id; everything else (text, value, <c>channelData.clientActivityID</c>…)
/// passes unchanged. Outbound: bot activities are addressed to the conversation and time-stamped.
/// </summary>
internal static class DirectLineActivityMapper
{
    public const int MaxUserNameLength = 256;

    /// <summary>Activity types a client may not send (the service alone produces them).</summary>
    private static readonly string[] ServiceOnlyTypes =
        [ActivityTypes.ConversationUpdate, ActivityTypes.ContactRelationUpdate, ActivityTypes.InvokeResponse, ActivityTypes.Trace];

    public static DirectLineInboundResult MapInbound(Activity posted, DirectLineInboundContext context)
    {
        ArgumentNullException.ThrowIfNull(posted);
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(posted.Type))
        {
            return DirectLineInboundResult.Refused("The activity needs a type (e.g. \"message\").");
        }

        if (ServiceOnlyTypes.Any(posted.IsType))
        {
            return DirectLineInboundResult.Refused($"A client cannot send activities of type '{posted.Type}'.");
        }

        var userId = context.BoundUserId ?? posted.From?.Id;
        if (string.IsNullOrWhiteSpace(userId))
        {
            return DirectLineInboundResult.Refused("The activity needs from.id (the id of the user sending it).");
        }

        if (userId.Length > DirectLineIds.MaxUserIdLength)
        {
            return DirectLineInboundResult.Refused($"from.id may be at most {DirectLineIds.MaxUserIdLength} characters.");
        }

        var userName = posted.From?.Name ?? context.BoundUserName;
        if (userName is { Length: > MaxUserNameLength })
        {
            return DirectLineInboundResult.Refused($"from.name may be at most {MaxUserNameLength} characters.");
        }

        posted.Id = null;
        posted.Timestamp = context.Now;
        posted.ChannelId = ChannelIds.Directline;
        posted.ServiceUrl = context.ServiceUrl;
        posted.CallerId = null;
        posted.Conversation = new ConversationAccount(context.ConversationId);
        posted.From = new ChannelAccount(userId, userName, RoleTypes.User);
        posted.Recipient = CopyOf(context.Bot);
        return new DirectLineInboundResult(posted, null);
    }

    /// <summary>Addresses a bot activity to <paramref name="conversationId"/> and stamps it; <c>replyToId</c> is kept.</summary>
    public static Activity MapOutbound(Activity activity, string conversationId, ChannelAccount bot, string? serviceUrl, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);
        activity.Id = null;
        activity.Type ??= ActivityTypes.Message;
        activity.Timestamp = now;
        activity.ChannelId = ChannelIds.Directline;
        activity.ServiceUrl ??= serviceUrl;
        if (activity.Conversation?.Id != conversationId)
        {
            activity.Conversation = new ConversationAccount(conversationId);
        }

        if (string.IsNullOrEmpty(activity.From?.Id))
        {
            activity.From = CopyOf(bot);
        }

        activity.From.Role ??= RoleTypes.Bot;
        return activity;
    }

    /// <summary>The <c>conversationUpdate</c> Direct Line sends the bot when the user joins (not shown to clients).</summary>
    public static Activity CreateConversationUpdate(string conversationId, ChannelAccount bot, ChannelAccount user, string serviceUrl, string? locale, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(user);
        var member = new ChannelAccount(user.Id, user.Name, RoleTypes.User);
        return new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Timestamp = now,
            ChannelId = ChannelIds.Directline,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount(conversationId),
            From = member,
            Recipient = CopyOf(bot),
            MembersAdded = [CopyOf(bot), new ChannelAccount(user.Id, user.Name, RoleTypes.User)],
            Locale = locale,
        };
    }

    private static ChannelAccount CopyOf(ChannelAccount account) => new(account.Id, account.Name, account.Role ?? RoleTypes.Bot);
}
