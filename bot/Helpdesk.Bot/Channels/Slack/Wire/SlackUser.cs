namespace Helpdesk.Bot.Channels.Slack.Wire;

/// <summary>The user who clicked.</summary>
internal sealed record SlackUser(string? Id, string? Username, string? Name, string? TeamId);
