using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Channels.Slack;
using Helpdesk.Bot.Channels.Slack.Wire;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Tests.Infrastructure;

namespace Helpdesk.Bot.Tests.Channels.Slack;

public sealed class SlackActivityMapperTests
{
    private const string Bot = SlackTestFactory.BotUserId;
    private const string ServiceUrl = "https://slack.com/api/";

    [Fact]
    public void FromEvent_DirectMessage_PersonalConversationWithoutThread()
    {
        var activity = Map(SlackTestFactory.DirectMessage("my vpn keeps dropping"));

        Assert.NotNull(activity);
        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal(ChannelIds.Slack, activity.ChannelId);
        Assert.Equal("my vpn keeps dropping", activity.Text);
        Assert.Equal("T0001:D0DM0001", activity.Conversation!.Id);
        Assert.Equal("personal", activity.Conversation.ConversationType);
        Assert.False(activity.Conversation.IsGroup);
        Assert.Equal("U0USER1", activity.From!.Id);
        Assert.Equal(Bot, activity.Recipient!.Id);
        Assert.Equal("1772442000.000100", activity.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1772442000000), activity.Timestamp);
        Assert.Equal(ServiceUrl, activity.ServiceUrl);
    }

    [Fact]
    public void FromEvent_MentionInChannel_StartsAThreadOnTheMessage_MentionRemoved()
    {
        var activity = Map(SlackTestFactory.Mention("printer on floor 3 jams"));

        Assert.Equal("printer on floor 3 jams", activity!.Text);
        Assert.Equal("T0001:C0HELP001:1772442100.000200", activity.Conversation!.Id);
        Assert.Equal("channel", activity.Conversation.ConversationType);
    }

    [Fact]
    public void FromEvent_MentionInsideAThread_JoinsThatThread()
    {
        var mention = SlackTestFactory.Mention("still broken", ts: "1772442300.000900");
        mention["thread_ts"] = "1772442100.000200";

        Assert.Equal("T0001:C0HELP001:1772442100.000200", Map(mention)!.Conversation!.Id);
    }

    [Fact]
    public void FromEvent_ReplyInAThreadTheBotIsIn_AcceptedWithoutMention()
    {
        var reply = ChannelMessage("Printer", thread: "1772442100.000200");

        var activity = Map(reply, isBotThread: id => id == "T0001:C0HELP001:1772442100.000200");

        Assert.Equal("Printer", activity!.Text);
    }

    [Fact]
    public void FromEvent_ChannelChatterAndOtherThreads_Ignored()
    {
        Assert.Null(Map(ChannelMessage("lunch?", thread: null), isBotThread: _ => true));
        Assert.Null(Map(ChannelMessage("unrelated", thread: "1772440000.000001"), isBotThread: _ => false));
    }

    [Fact]
    public void FromEvent_ThreadReplyMentioningTheBot_LeftToAppMention()
    {
        var reply = ChannelMessage($"<@{Bot}> Printer", thread: "1772442100.000200");

        Assert.Null(Map(reply, isBotThread: _ => true)); // the same words arrive as app_mention
    }

    [Theory]
    [InlineData("bot_id", "B0BOT")]
    [InlineData("subtype", "message_changed")]
    [InlineData("subtype", "channel_join")]
    [InlineData("user", Bot)]
    public void FromEvent_BotsEditsJoinsAndOwnMessages_Ignored(string field, string value)
    {
        var message = SlackTestFactory.DirectMessage("hello");
        message[field] = value;

        Assert.Null(Map(message));
    }

    [Fact]
    public void FromEvent_ThreadBroadcast_StillAnswered()
    {
        var message = SlackTestFactory.DirectMessage("hello");
        message["subtype"] = "thread_broadcast";

        Assert.NotNull(Map(message));
    }

    [Fact]
    public void FromInteraction_ImBackButton_ArrivesAsTheChoiceText()
    {
        var activity = SlackActivityMapper.FromInteraction(Parse(Interaction("imBack:3", "Fix a problem")), Bot, ServiceUrl);

        Assert.Equal("Fix a problem", activity!.Text);
        Assert.Null(activity.Value);
        Assert.Equal("T0001:C0HELP001:1772442100.000200", activity.Conversation!.Id);
        Assert.Equal("1772442101.000300", activity.ReplyToId);
        Assert.Equal("Alex Wilber", activity.From!.Name);
    }

    [Fact]
    public void FromInteraction_SubmitWithForm_ValueHoldsDataAndInputs()
    {
        var payload = Interaction("submit:1", """{"action":"createTicket"}""");
        payload["state"] = JsonNode.Parse("""
            {"values":{"input:description":{"description":{"type":"plain_text_input","value":"VPN drops every 10 minutes"}},
                       "input:impact":{"impact":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"Just me"},"value":"single"}}},
                       "input:urgent":{"urgent":{"type":"checkboxes","selected_options":[]}}}}
            """);

        var activity = SlackActivityMapper.FromInteraction(Parse(payload), Bot, ServiceUrl);

        Assert.Null(activity!.Text);
        var value = JsonSerializer.SerializeToNode(activity.Value)!;
        Assert.Equal("createTicket", (string?)value["action"]);
        Assert.Equal("VPN drops every 10 minutes", (string?)value["description"]);
        Assert.Equal("single", (string?)value["impact"]);
        Assert.Equal("false", (string?)value["urgent"]);
    }

    [Fact]
    public void FromInteraction_SubmitCarryingTeamsImBack_ArrivesAsTheChoiceText()
    {
        var activity = SlackActivityMapper.FromInteraction(Parse(Interaction("submit:2", """{"msteams":{"type":"imBack","value":"Printer"}}""")), Bot, ServiceUrl);

        Assert.Equal("Printer", activity!.Text);
    }

    [Fact]
    public void FromInteraction_ExecuteWithChoiceVerb_ArrivesAsTheChoiceText()
    {
        var activity = SlackActivityMapper.FromInteraction(Parse(Interaction("execute:1", """{"verb":"helpdesk.choice","data":{"text":"VPN"}}""")), Bot, ServiceUrl);

        Assert.Equal("VPN", activity!.Text);
    }

    [Fact]
    public void FromInteraction_MessageBack_TextAndValue()
    {
        var activity = SlackActivityMapper.FromInteraction(Parse(Interaction("messageBack:1", """{"text":"yes","displayText":"Yes","value":{"kb":"vpn-01"}}""")), Bot, ServiceUrl);

        Assert.Equal("yes", activity!.Text);
        Assert.Equal("vpn-01", (string?)JsonSerializer.SerializeToNode(activity.Value)!["kb"]);
    }

    [Fact]
    public void FromInteraction_LinkButtonOrForeignAction_Ignored()
    {
        Assert.Null(SlackActivityMapper.FromInteraction(Parse(Interaction("openUrl:1", null)), Bot, ServiceUrl));
        Assert.Null(SlackActivityMapper.FromInteraction(Parse(Interaction("someone_elses_button", "x")), Bot, ServiceUrl));
    }

    [Fact]
    public void FromInteraction_DirectMessageButton_NoThread()
    {
        var payload = Interaction("imBack:1", "Yes");
        payload["channel"] = new JsonObject { ["id"] = "D0DM0001" };
        payload["container"]!.AsObject().Remove("thread_ts");
        payload["message"]!.AsObject().Remove("thread_ts");

        Assert.Equal("T0001:D0DM0001", SlackActivityMapper.FromInteraction(Parse(payload), Bot, ServiceUrl)!.Conversation!.Id);
    }

    internal static JsonObject Interaction(string actionId, string? value) => JsonNode.Parse($$$"""
        {"type":"block_actions","user":{"id":"U0USER1","username":"alex","name":"Alex Wilber","team_id":"T0001"},
         "api_app_id":"A0001","team":{"id":"T0001","domain":"contoso"},
         "container":{"type":"message","message_ts":"1772442101.000300","channel_id":"C0HELP001","is_ephemeral":false,"thread_ts":"1772442100.000200"},
         "trigger_id":"123.456.abc","channel":{"id":"C0HELP001","name":"it-help"},
         "message":{"type":"message","ts":"1772442101.000300","thread_ts":"1772442100.000200","bot_id":"B0BOT","text":"What can I help you with?",
                    "blocks":[{"type":"section","text":{"type":"mrkdwn","text":"What can I help you with?"}},{"type":"actions","elements":[]}]},
         "state":{"values":{}},
         "actions":[{"action_id":{{{JsonSerializer.Serialize(actionId)}}},"block_id":"b1","text":{"type":"plain_text","text":"Fix a problem"},
                     "value":{{{(value is null ? "null" : JsonSerializer.Serialize(value))}}},"type":"button","action_ts":"1772442150.123456"}]}
        """)!.AsObject();

    private static JsonObject ChannelMessage(string text, string? thread)
    {
        var message = new JsonObject
        {
            ["type"] = "message",
            ["channel"] = "C0HELP001",
            ["channel_type"] = "channel",
            ["user"] = "U0USER1",
            ["text"] = text,
            ["ts"] = "1772442200.000500",
            ["team"] = SlackTestFactory.TeamId,
        };
        if (thread is not null)
        {
            message["thread_ts"] = thread;
        }

        return message;
    }

    private static SlackInteraction Parse(JsonObject payload) => payload.Deserialize<SlackInteraction>(SlackJson.Options)!;

    private static Activity? Map(JsonObject slackEvent, Func<string, bool>? isBotThread = null)
    {
        var envelope = SlackTestFactory.EventCallback(slackEvent).Deserialize<SlackEventEnvelope>(SlackJson.Options)!;
        var parsed = envelope.Event.Deserialize<SlackEvent>(SlackJson.Options)!;
        return SlackActivityMapper.FromEvent(envelope, parsed, Bot, isBotThread ?? (_ => false), ServiceUrl);
    }
}
