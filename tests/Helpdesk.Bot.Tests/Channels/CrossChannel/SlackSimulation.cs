using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Channels.Slack;
using Helpdesk.Bot.Channels.Slack.Wire;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Tests.Channels.CrossChannel;

/// <summary>
/// The direct Slack adapter: typed messages are Events API payloads (a DM, or in a channel a mention that starts a
/// thread and replies in it) through <see cref="SlackActivityMapper.FromEvent"/>; the bot's activities through
/// <see cref="SlackMessageRenderer"/>; a click is a block_actions payload built from the rendered button, through
/// <see cref="SlackActivityMapper.FromInteraction"/>.
/// </summary>
internal sealed class SlackSimulation(bool directMessage) : ChannelSimulation(directMessage ? "slack-dm" : "slack-channel")
{
    private const string Bot = "UBOT0001";
    private const string Team = "T0001";
    private readonly string _channel = directMessage ? "D0DM0001" : "C0HELP001";
    private string? _thread;
    private long _clock = 1772442000;

    public override Activity Typed(string text)
    {
        var ts = NextTs();
        var slackEvent = new JsonObject { ["channel"] = _channel, ["user"] = "U0USER1", ["ts"] = ts, ["team"] = Team };
        if (directMessage)
        {
            slackEvent["type"] = "message";
            slackEvent["channel_type"] = "im";
            slackEvent["text"] = text;
        }
        else if (_thread is null)
        {
            slackEvent["type"] = "app_mention";
            slackEvent["text"] = $"<@{Bot}> {text}";
            _thread = ts;
        }
        else
        {
            slackEvent["type"] = "message";
            slackEvent["channel_type"] = "channel";
            slackEvent["text"] = text;
            slackEvent["thread_ts"] = _thread;
        }

        var envelope = new JsonObject { ["type"] = "event_callback", ["team_id"] = Team, ["event_id"] = "Ev" + ts, ["event"] = slackEvent }
            .Deserialize<SlackEventEnvelope>(SlackJson.Options)!;
        var activity = SlackActivityMapper.FromEvent(envelope, envelope.Event.Deserialize<SlackEvent>(SlackJson.Options)!, Bot, id => id == $"{Team}:{_channel}:{_thread}", "https://slack.com/api/")
            ?? throw new InvalidOperationException($"Slack would not deliver '{text}' to the bot.");

        // Events carry only the user id; the endpoint fills in the name from users.info (SlackUserDirectory) before the turn.
        activity.From!.Name ??= "Alex Wilber";
        return activity;
    }

    public override RenderedReply? Render(Activity botActivity)
    {
        var message = SlackMessageRenderer.Render(botActivity);
        if (message is null)
        {
            return null;
        }

        var ts = NextTs();
        var buttons = message.Blocks
            .Where(b => (string?)b!["type"] == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Select(button => new RenderedButton((string)button!["text"]!["text"]!, () => Click(button, ts, message)))
            .ToList();
        return new RenderedReply(Plain(message.Text), buttons);
    }

    private Activity? Click(JsonNode button, string messageTs, SlackMessage message)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U0USER1", ["name"] = "Alex Wilber", ["team_id"] = Team },
            ["team"] = new JsonObject { ["id"] = Team },
            ["channel"] = new JsonObject { ["id"] = _channel },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = _channel, ["thread_ts"] = _thread },
            ["message"] = new JsonObject { ["ts"] = messageTs, ["thread_ts"] = _thread, ["text"] = message.Text, ["blocks"] = message.Blocks.DeepClone() },
            ["trigger_id"] = "trigger-" + messageTs,
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = button["action_id"]!.DeepClone(),
                ["type"] = "button",
                ["value"] = button["value"]?.DeepClone(),
                ["text"] = button["text"]!.DeepClone(),
                ["action_ts"] = NextTs(),
            }),
        };
        return SlackActivityMapper.FromInteraction(payload.Deserialize<SlackInteraction>(SlackJson.Options)!, Bot, "https://slack.com/api/");
    }

    private string NextTs() => $"{++_clock}.000100";
}
