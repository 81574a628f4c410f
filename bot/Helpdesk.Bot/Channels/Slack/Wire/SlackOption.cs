namespace Helpdesk.Bot.Channels.Slack.Wire;

/// <summary>An option of a select, radio or checkbox element.</summary>
internal sealed record SlackOption(SlackText? Text, string? Value);
