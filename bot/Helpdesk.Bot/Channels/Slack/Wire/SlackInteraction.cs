using System.Text.Json;

namespace Helpdesk.Bot.Channels.Slack.Wire;

/// <summary>The <c>payload</c> of an interactivity request (<c>block_actions</c>: a button or select in a message).</summary>
internal sealed record SlackInteraction(
    string? Type,
    SlackUser? User,
    SlackTeam? Team,
    SlackChannel? Channel,
    SlackContainer? Container,
    SlackInteractionMessage? Message,
    IReadOnlyList<SlackAction>? Actions,
    JsonElement State,
    string? TriggerId,
    string? ApiAppId);
