namespace Helpdesk.Bot.Channels.Slack.Wire;

/// <summary>The conversation an interaction happened in.</summary>
internal sealed record SlackChannel(string? Id, string? Name);
