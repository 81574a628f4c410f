using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Channels.Teams;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Tests.Channels.CrossChannel;

/// <summary>
/// Teams through Azure Bot Service: typed messages carry the bot's @mention outside personal chats and go through
/// <see cref="TeamsActivityMapper"/>; the bot's activities go through <see cref="TeamsActivityRenderer"/>. A click on
/// a card's Action.Submit is sent as the Agents Playground sends it (the data as value, no text) — the harder case;
/// Teams itself turns <c>msteams.imBack</c> into text.
/// </summary>
internal sealed class TeamsSimulation(string conversationType) : ChannelSimulation("teams-" + conversationType)
{
    private const string BotId = "28:helpdesk-bot";
    private readonly bool _personal = conversationType == TeamsProtocol.PersonalConversation;

    public override Activity Typed(string text)
    {
        var activity = Base();
        if (_personal)
        {
            activity.Text = text;
        }
        else
        {
            activity.Text = $"<at>Helpdesk</at> {text}";
            activity.Entities = [JsonSerializer.Deserialize<Entity>(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>Helpdesk</at>",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "Helpdesk" },
            })!];
        }

        return TeamsActivityMapper.MapInbound(activity);
    }

    public override RenderedReply? Render(Activity botActivity)
    {
        if (!botActivity.IsType(ActivityTypes.Message))
        {
            return null;
        }

        var rendered = TeamsActivityRenderer.Render(botActivity);
        var buttons = new List<RenderedButton>();
        foreach (var action in rendered.SuggestedActions?.Actions ?? [])
        {
            Assert.True(_personal, "Teams shows suggested actions only in personal chats.");
            Assert.Equal(ActionTypes.ImBack, action.Type);
            var value = action.Value as string ?? action.Title!;
            buttons.Add(new RenderedButton(action.Title!, () => TeamsActivityMapper.MapInbound(WithText(value))));
        }

        foreach (var attachment in rendered.Attachments ?? [])
        {
            if (attachment.ContentType != AttachmentContentTypes.AdaptiveCard)
            {
                continue;
            }

            var card = JsonSerializer.SerializeToNode(attachment.Content)!;
            Assert.Equal("1.5", (string?)card["version"]);
            foreach (var action in (card["body"] as JsonArray ?? []).Where(e => (string?)e!["type"] == "ActionSet").SelectMany(s => s!["actions"]!.AsArray()))
            {
                var data = action!["data"]?.DeepClone();
                buttons.Add(new RenderedButton((string)action["title"]!, () =>
                {
                    var submit = Base();
                    submit.ReplyToId = botActivity.Id;
                    submit.Value = JsonSerializer.SerializeToElement(data);
                    submit.ChannelData = JsonNode.Parse("""{"source":{"name":"message"},"tenant":{"id":"tenant-1"}}""");
                    return TeamsActivityMapper.MapInbound(submit);
                }));
            }
        }

        return new RenderedReply(Plain(rendered.Text), buttons);
    }

    private Activity WithText(string text)
    {
        var activity = Base();
        activity.Text = text;
        return activity;
    }

    private Activity Base() => new()
    {
        Type = ActivityTypes.Message,
        Id = NextId(),
        ChannelId = ChannelIds.Msteams,
        ServiceUrl = "https://smba.trafficmanager.net/amer/",
        From = new ChannelAccount("29:user-1", "Alex Wilber") { AadObjectId = "aad-user-1" },
        Recipient = new ChannelAccount(BotId, "Helpdesk"),
        Conversation = new ConversationAccount(_personal ? "a:personal-1" : "19:chat-1@thread.v2", isGroup: !_personal)
        {
            ConversationType = conversationType,
            TenantId = "tenant-1",
        },
        Locale = "en-US",
        TextFormat = "plain",
        ChannelData = JsonNode.Parse("""{"tenant":{"id":"tenant-1"}}"""),
    };
}
