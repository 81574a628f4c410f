namespace Helpdesk.Bot.Channels.Slack.Wire;

/// <summary>The workspace of an interaction.</summary>
internal sealed record SlackTeam(string? Id, string? Domain);
