using System.Text.Json;

namespace Helpdesk.Bot.Channels.Slack.Wire;

/// <summary>The message whose button was clicked, with its blocks (to replace the buttons by the choice).</summary>
internal sealed record SlackInteractionMessage(string? Ts, string? ThreadTs, string? Text, JsonElement Blocks, string? BotId);
