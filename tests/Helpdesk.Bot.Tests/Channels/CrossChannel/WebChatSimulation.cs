using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Channels.DirectLine;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Tests.Channels.CrossChannel;

/// <summary>
/// Web Chat over the self-hosted Direct Line: posts go through <see cref="DirectLineActivityMapper"/>; the bot's
/// activities are shown as sent (suggested actions; an Adaptive Card's Action.Submit with string data is an imBack,
/// with object data a value-only postBack — as Web Chat 4.18 does).
/// </summary>
internal sealed class WebChatSimulation() : ChannelSimulation("webchat")
{
    private const string ConversationId = "DLconv0001";
    private static readonly ChannelAccount Bot = new("helpdesk-bot", "Helpdesk", RoleTypes.Bot);

    public override Activity Typed(string text) => Post(new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = "plain" });

    public override RenderedReply? Render(Activity botActivity)
    {
        if (!botActivity.IsType(ActivityTypes.Message))
        {
            return null;
        }

        var buttons = new List<RenderedButton>();
        foreach (var action in botActivity.SuggestedActions?.Actions ?? [])
        {
            var value = action.Value as string ?? action.Title!;
            buttons.Add(new RenderedButton(action.Title!, () => action.Type switch
            {
                ActionTypes.ImBack => Typed(value),
                ActionTypes.PostBack => Post(new Activity { Type = ActivityTypes.Message, Text = value, ChannelData = JsonNode.Parse("""{"postBack":true}""") }),
                _ => null,
            }));
        }

        foreach (var attachment in botActivity.Attachments ?? [])
        {
            if (attachment.ContentType != AttachmentContentTypes.AdaptiveCard)
            {
                continue;
            }

            var card = JsonSerializer.SerializeToNode(attachment.Content)!;
            foreach (var action in Actions(card).Where(a => (string?)a["type"] == "Action.Submit"))
            {
                var data = action["data"];
                buttons.Add(new RenderedButton((string)action["title"]!, () => data is JsonValue s && s.TryGetValue<string>(out var answer)
                    ? Typed(answer)
                    : Post(new Activity { Type = ActivityTypes.Message, Value = JsonSerializer.SerializeToElement(data), ChannelData = JsonNode.Parse("""{"postBack":true}""") })));
            }
        }

        return new RenderedReply(Plain(botActivity.Text), buttons);
    }

    private Activity Post(Activity posted)
    {
        posted.From = new ChannelAccount("dl_user1", "Alex Wilber");
        posted.Locale = "en-US";
        var mapped = DirectLineActivityMapper.MapInbound(posted, new DirectLineInboundContext(ConversationId, Bot, "https://localhost/", "dl_user1", "Alex Wilber", DateTimeOffset.UnixEpoch)).Activity!;
        mapped.Id = $"{ConversationId}|{NextId()}";
        return mapped;
    }

    private static IEnumerable<JsonNode> Actions(JsonNode? node) => node switch
    {
        JsonObject o when o["type"] is JsonValue t && t.TryGetValue<string>(out var type) && type.StartsWith("Action.", StringComparison.Ordinal) => [o, .. o.SelectMany(p => Actions(p.Value))],
        JsonObject o => o.SelectMany(p => Actions(p.Value)),
        JsonArray a => a.SelectMany(Actions),
        _ => [],
    };
}
