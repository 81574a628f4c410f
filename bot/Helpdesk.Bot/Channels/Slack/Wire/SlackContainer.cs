namespace Helpdesk.Bot.Channels.Slack.Wire;

/// <summary>Where the clicked element lives: a message (<c>message_ts</c>, maybe in a thread).</summary>
internal sealed record SlackContainer(string? Type, string? MessageTs, string? ChannelId, string? ThreadTs, bool? IsEphemeral);
