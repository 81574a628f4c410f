using System.Text.Json;
using System.Text.Json.Nodes;

namespace Helpdesk.Bot.Channels.Slack;

/// <summary>
/// The bot's message after someone clicked one of its answer buttons: the same blocks, with the buttons (and a
/// submitted form's inputs) replaced by a line saying who chose what — so nobody answers the same question twice and
/// the thread reads like the conversation it was. Pure.
/// </summary>
internal static class SlackClickedMessage
{
    /// <summary>The updated blocks, or null when the message had no buttons to replace.</summary>
    public static JsonArray? Answered(JsonElement blocks, string userId, string? answer)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (blocks.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var result = new JsonArray();
        var replaced = false;
        foreach (var block in blocks.EnumerateArray())
        {
            var type = block.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (type is "actions" || (type is "input" && answer is null))
            {
                if (!replaced)
                {
                    var what = answer is null ? "sent the form" : $"chose *{SlackMrkdwn.Escape(answer)}*";
                    result.Add(new JsonObject
                    {
                        ["type"] = "context",
                        ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = $"✓ <@{userId}> {what}" }),
                    });
                    replaced = true;
                }

                continue;
            }

            result.Add(JsonNode.Parse(block.GetRawText()));
        }

        return replaced ? result : null;
    }
}
