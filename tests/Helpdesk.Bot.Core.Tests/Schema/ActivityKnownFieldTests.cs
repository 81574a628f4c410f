using System.Text.Json;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Core.Tests.Schema;

/// <summary>Fields of the captured activities land in the typed properties the bot reads.</summary>
public sealed class ActivityKnownFieldTests
{
    private sealed record TicketSubmit(string Action, string Category, string Description);

    private sealed record ExecuteAction(string Type, string Verb, TicketData Data);

    private sealed record TicketData(string TicketId);

    private sealed record AdaptiveCardInvokeValue(ExecuteAction Action, string Trigger);

    private static Activity Load(string file) => ActivitySerializer.Deserialize(CapturedActivities.Read(file));

    [Fact]
    public void Deserialize_TeamsPersonalMessage_MapsTeamsAccountAndConversationFields()
    {
        var activity = Load("teams-playground-personal-message.json");

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal(ChannelIds.Msteams, activity.ChannelId);
        Assert.Equal("reset my password", activity.Text);
        Assert.Equal(TextFormatTypes.Plain, activity.TextFormat);
        Assert.Equal("http://localhost:56190/_connector", activity.ServiceUrl);
        Assert.Equal("user-id-0", activity.From!.Id);
        Assert.Equal("Alex Wilber", activity.From.Name);
        Assert.Equal("00000000-0000-0000-0000-0000000000020", activity.From.AadObjectId);
        Assert.Equal("personal", activity.Conversation!.ConversationType);
        Assert.Equal("00000000-0000-0000-0000-0000000000001", activity.Conversation.TenantId);
        Assert.Equal("2f3ed352-1def-453a-9bcd-0cb516e3a2bc", activity.Conversation.Id);
        Assert.Null(activity.Conversation.Properties);
        Assert.Equal("Test Bot", activity.Recipient!.Name);
        Assert.Equal("en-US", activity.Locale);
        Assert.Equal("UTC", activity.LocalTimezone);
        var clientInfo = Assert.Single(activity.Entities!);
        Assert.Equal("clientInfo", clientInfo.Type);
        Assert.Equal("Web", clientInfo.GetString("platform"));
        var channelData = Assert.IsType<JsonElement>(activity.ChannelData);
        Assert.Equal("00000000-0000-0000-0000-0000000000001", channelData.GetProperty("tenant").GetProperty("id").GetString());
        Assert.Null(activity.Properties);
    }

    [Fact]
    public void Deserialize_TeamsChannelMention_ExposesMentionAndGroupConversation()
    {
        var activity = Load("teams-playground-channel-message-mention.json");

        Assert.True(activity.Conversation!.IsGroup);
        Assert.Equal("channel", activity.Conversation.ConversationType);
        Assert.Equal("team-id;messageid=1795356033418", activity.Conversation.Id);
        var mention = Assert.Single(activity.GetMentions());
        Assert.Equal("<at>Test Bot</at>", mention.GetString("text"));
        Assert.Equal(activity.Recipient!.Id, mention.Properties!["mentioned"].GetProperty("id").GetString());
        var channelData = Assert.IsType<JsonElement>(activity.ChannelData);
        Assert.Equal("team-id", channelData.GetProperty("teamsTeamId").GetString());
    }

    [Fact]
    public void Deserialize_TeamsInstallationUpdate_MapsAction()
    {
        var activity = Load("teams-playground-installationUpdate-channel.json");

        Assert.True(activity.IsType(ActivityTypes.InstallationUpdate));
        Assert.Equal("add", activity.Action);
        Assert.Equal("My Team", Assert.IsType<JsonElement>(activity.ChannelData).GetProperty("team").GetProperty("name").GetString());
    }

    [Fact]
    public void Deserialize_TeamsConversationUpdate_MapsMembersAdded()
    {
        var activity = Load("teams-playground-conversationUpdate-membersAdded-personal.json");

        Assert.True(activity.IsType(ActivityTypes.ConversationUpdate));
        Assert.Equal(["user-id-0", activity.Recipient!.Id], activity.MembersAdded!.Select(m => m.Id));
        Assert.Equal("00000000-0000-0000-0000-0000000000020", activity.MembersAdded![0].AadObjectId);
    }

    [Fact]
    public void Deserialize_TeamsInvokeAdaptiveCardAction_ValueConvertsToTypedPayload()
    {
        var activity = Load("teams-playground-invoke-adaptiveCard-action.json");

        Assert.True(activity.IsType(ActivityTypes.Invoke));
        Assert.Equal("adaptiveCard/action", activity.Name);
        Assert.Equal("1795356026458", activity.ReplyToId);
        Assert.IsType<JsonElement>(activity.Value);
        var value = ActivitySerializer.ConvertPayload<AdaptiveCardInvokeValue>(activity.Value)!;
        Assert.Equal("Action.Execute", value.Action.Type);
        Assert.Equal("approve", value.Action.Verb);
        Assert.Equal("T-1001", value.Action.Data.TicketId);
        Assert.Equal("manual", value.Trigger);
    }

    [Fact]
    public void Deserialize_TeamsMessageReaction_MapsReactionsAndKeepsLegacyField()
    {
        var activity = Load("teams-docs-messageReaction-reactionsAdded.json");

        Assert.True(activity.IsType(ActivityTypes.MessageReaction));
        Assert.Equal("like", Assert.Single(activity.ReactionsAdded!).Type);
        Assert.Equal("1575667808184", activity.ReplyToId);
        Assert.Equal("c33aafc4-646d-4543-9d4c-abd28e4d2110", activity.From!.AadObjectId);
        var legacy = Assert.Single(activity.Properties!);
        Assert.Equal("legacy", legacy.Key);
        Assert.Equal("1:19uJ8TZA1cZcms7-2HLOW3pWRF4nSWEoVnRqc0DPa_kY", legacy.Value.GetProperty("replyToId").GetString());
    }

    [Fact]
    public void Deserialize_WebChatMessage_KeepsClientActivityIdAndAttachmentSizes()
    {
        var activity = Load("webchat-message.json");

        Assert.Equal(ChannelIds.Webchat, activity.ChannelId);
        Assert.Equal(RoleTypes.User, activity.From!.Role);
        Assert.NotNull(activity.Attachments);
        Assert.Empty(activity.Attachments);
        Assert.Null(activity.Entities);
        var channelData = Assert.IsType<JsonElement>(activity.ChannelData);
        Assert.Equal("kec4bpol33d", channelData.GetProperty("clientActivityID").GetString());
        Assert.Equal(0, channelData.GetProperty("attachmentSizes").GetArrayLength());
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 9, 2, 21, 110, TimeSpan.FromHours(-5)), activity.LocalTimestamp);
        Assert.Equal(TimeSpan.FromHours(-5), activity.LocalTimestamp!.Value.Offset);
    }

    [Fact]
    public void Deserialize_WebChatTyping_CarriesClientCapabilitiesEntity()
    {
        var activity = Load("webchat-typing-client-capabilities.json");

        Assert.True(activity.IsType(ActivityTypes.Typing));
        var capabilities = Assert.Single(activity.Entities!);
        Assert.Equal("ClientCapabilities", capabilities.Type);
        Assert.True(capabilities.Properties!["requiresBotState"].GetBoolean());
        Assert.True(capabilities.Properties["supportsTts"].GetBoolean());
    }

    [Fact]
    public void Deserialize_WebChatActionSubmit_ValueHoldsDataAndInputs()
    {
        var activity = Load("webchat-adaptiveCard-action-submit.json");

        Assert.Null(activity.Text);
        Assert.True(Assert.IsType<JsonElement>(activity.ChannelData).GetProperty("postBack").GetBoolean());
        var submit = ActivitySerializer.ConvertPayload<TicketSubmit>(activity.Value)!;
        Assert.Equal(new TicketSubmit("createTicket", "network", "Outlook asks for my password again and again"), submit);
    }

    [Fact]
    public void Deserialize_WebChatMessageBack_HasTextValueAndDisplayText()
    {
        var activity = Load("webchat-messageBack.json");

        Assert.Equal("mb text", activity.Text);
        Assert.Equal(2, Assert.IsType<JsonElement>(activity.Value).GetProperty("n").GetInt32());
        Assert.Equal(
            "I chose MB",
            Assert.IsType<JsonElement>(activity.ChannelData).GetProperty("messageBack").GetProperty("displayText").GetString());
    }

    [Fact]
    public void Deserialize_WebChatEvent_MapsNameAndValue()
    {
        var activity = Load("webchat-event.json");

        Assert.True(activity.IsType(ActivityTypes.Event));
        Assert.Equal("webchat/join", activity.Name);
        Assert.Equal("portal", Assert.IsType<JsonElement>(activity.Value).GetProperty("origin").GetString());
    }

    [Fact]
    public void Deserialize_DirectLineEndOfConversation_MapsCode()
    {
        var activity = Load("directline-endOfConversation.json");

        Assert.True(activity.IsType(ActivityTypes.EndOfConversation));
        Assert.Equal(EndOfConversationCodes.UserCancelled, activity.Code);
        Assert.Equal("Kx8vQ3m2Hn4Ab1cD7eF9-us|0000009", activity.Id);
    }

    [Fact]
    public void Deserialize_BotReply_MapsSuggestedActionsAndCards()
    {
        var activity = Load("directline-bot-reply-cards-suggestedActions.json");

        Assert.Equal(InputHints.ExpectingInput, activity.InputHint);
        Assert.Equal(["u-7f3a9c"], activity.SuggestedActions!.To!);
        var action = Assert.Single(activity.SuggestedActions.Actions!);
        Assert.Equal(ActionTypes.ImBack, action.Type);
        Assert.Equal("reset password", Assert.IsType<JsonElement>(action.Value).GetString());
        Assert.Equal(
            [AttachmentContentTypes.HeroCard, AttachmentContentTypes.AdaptiveCard],
            activity.Attachments!.Select(a => a.ContentType));
        Assert.Equal(JsonValueKind.Object, Assert.IsType<JsonElement>(activity.Attachments![1].Content).ValueKind);
        Assert.Equal("Message", activity.Entities![0].GetString("@type"));
    }

    [Fact]
    public void Serialize_ActivityBuiltInCode_UsesCamelCaseAndOmitsNulls()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "hi",
            From = new ChannelAccount("bot-1", "Helpdesk", RoleTypes.Bot),
            SuggestedActions = new SuggestedActions([CardAction.ImBack("Yes")]),
            ChannelData = new { postBack = true },
        };

        var json = ActivitySerializer.Serialize(activity);

        JsonTreeAssert.Equal(
            """{"type":"message","text":"hi","from":{"id":"bot-1","name":"Helpdesk","role":"bot"},"suggestedActions":{"actions":[{"type":"imBack","title":"Yes","value":"Yes"}]},"channelData":{"postBack":true}}""",
            json);
    }
}
