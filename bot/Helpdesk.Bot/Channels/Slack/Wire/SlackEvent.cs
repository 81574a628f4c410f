namespace Helpdesk.Bot.Channels.Slack.Wire;

/// <summary>A <c>message</c> or <c>app_mention</c> event (the fields the bot reads).</summary>
internal sealed record SlackEvent(
    string? Type,
    string? Subtype,
    string? User,
    string? BotId,
    string? Text,
    string? Ts,
    string? ThreadTs,
    string? Channel,
    string? ChannelType,
    string? Team,
    string? EventTs);
