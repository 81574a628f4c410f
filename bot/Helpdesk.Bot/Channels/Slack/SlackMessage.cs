using System.Text.Json.Nodes;

namespace Helpdesk.Bot.Channels.Slack;

/// <summary>
/// A message as Slack's <c>chat.postMessage</c> takes it: <paramref name="Text"/> (mrkdwn; the notification and
/// screen-reader text) and the Block Kit <paramref name="Blocks"/> that render it.
/// </summary>
internal sealed record SlackMessage(string Text, JsonArray Blocks);
