namespace Helpdesk.Bot.Channels.Slack.Wire;

/// <summary>Who an event was delivered for (<c>authorizations[]</c>): the bot's own user id.</summary>
internal sealed record SlackAuthorization(string? UserId, bool? IsBot, string? TeamId);
