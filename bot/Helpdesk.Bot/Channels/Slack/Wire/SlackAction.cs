namespace Helpdesk.Bot.Channels.Slack.Wire;

/// <summary>One clicked or changed element of a <c>block_actions</c> payload.</summary>
internal sealed record SlackAction(
    string? ActionId,
    string? BlockId,
    string? Type,
    string? Value,
    SlackText? Text,
    SlackOption? SelectedOption,
    string? ActionTs,
    string? Url);
