namespace Helpdesk.Bot.Channels.Slack.Wire;

/// <summary>A text object (<c>plain_text</c> or <c>mrkdwn</c>).</summary>
internal sealed record SlackText(string? Type, string? Text);
