using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>What the server knows when a client posts an activity: where it goes, who the bot is, who the token binds.</summary>
internal sealed record DirectLineInboundContext(
    string ConversationId,
    ChannelAccount Bot,
    string ServiceUrl,
    string? BoundUserId,
    string? BoundUserName,
    DateTimeOffset Now);
