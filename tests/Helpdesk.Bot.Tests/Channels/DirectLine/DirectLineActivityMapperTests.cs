using System.Text.Json;
using Helpdesk.Bot.Channels.DirectLine;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineActivityMapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ChannelAccount Bot = new("helpdesk-bot", "Helpdesk", RoleTypes.Bot);

    [Fact]
    public void MapInbound_WebChatMessage_SetsServerFieldsAndKeepsClientFields()
    {
        var posted = ActivitySerializer.Deserialize("""
            {"type":"message","id":"client-id","text":"hi","textFormat":"plain","channelId":"webchat",
             "timestamp":"1999-01-01T00:00:00Z","serviceUrl":"https://evil.example","callerId":"urn:botframework:azure",
             "conversation":{"id":"other"},"recipient":{"id":"someone"},
             "from":{"id":"r_123","name":"Ann","role":"bot","aadObjectId":"forged"},
             "locale":"en-US","localTimezone":"Europe/Berlin",
             "attachments":[],"channelData":{"clientActivityID":"1700000000000abc","attachmentSizes":[]}}
            """);

        var result = DirectLineActivityMapper.MapInbound(posted, Context());

        Assert.Null(result.Error);
        var activity = result.Activity!;
        Assert.Null(activity.Id);
        Assert.Equal(Now, activity.Timestamp);
        Assert.Equal(ChannelIds.Directline, activity.ChannelId);
        Assert.Equal("https://host/v3/directline/", activity.ServiceUrl);
        Assert.Null(activity.CallerId);
        Assert.Equal("conv-1", activity.Conversation!.Id);
        Assert.Equal("helpdesk-bot", activity.Recipient!.Id);
        Assert.Equal(RoleTypes.Bot, activity.Recipient.Role);
        Assert.Equal("r_123", activity.From!.Id);
        Assert.Equal("Ann", activity.From.Name);
        Assert.Equal(RoleTypes.User, activity.From.Role);
        Assert.Null(activity.From.AadObjectId);
        Assert.Equal("hi", activity.Text);
        Assert.Equal("en-US", activity.Locale);
        Assert.Equal("Europe/Berlin", activity.LocalTimezone);
        var channelData = Assert.IsType<JsonElement>(activity.ChannelData);
        Assert.Equal("1700000000000abc", channelData.GetProperty("clientActivityID").GetString());
    }

    [Fact]
    public void MapInbound_TokenBindsUser_FromIdIsTheBoundUser()
    {
        var posted = new Activity { Type = ActivityTypes.Message, Text = "x", From = new ChannelAccount("impostor", "Eve") };

        var result = DirectLineActivityMapper.MapInbound(posted, Context(boundUserId: "dl_real", boundUserName: "Real"));

        Assert.Equal("dl_real", result.Activity!.From!.Id);
        Assert.Equal("Eve", result.Activity.From.Name);
    }

    [Fact]
    public void MapInbound_NoFromButBoundUser_UsesBoundUser()
    {
        var result = DirectLineActivityMapper.MapInbound(new Activity { Type = ActivityTypes.Message }, Context(boundUserId: "dl_real", boundUserName: "Real"));

        Assert.Equal("dl_real", result.Activity!.From!.Id);
        Assert.Equal("Real", result.Activity.From.Name);
    }

    [Theory]
    [InlineData(null, "u1", "type")]
    [InlineData("message", null, "from.id")]
    [InlineData("conversationUpdate", "u1", "conversationUpdate")]
    [InlineData("trace", "u1", "trace")]
    public void MapInbound_InvalidActivity_IsRefusedWithReason(string? type, string? fromId, string expectedInReason)
    {
        var posted = new Activity { Type = type, From = fromId is null ? null : new ChannelAccount(fromId) };

        var result = DirectLineActivityMapper.MapInbound(posted, Context());

        Assert.Null(result.Activity);
        Assert.Contains(expectedInReason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MapInbound_OverlongUserId_IsRefused()
    {
        var posted = new Activity { Type = ActivityTypes.Message, From = new ChannelAccount(new string('u', DirectLineIds.MaxUserIdLength + 1)) };

        Assert.NotNull(DirectLineActivityMapper.MapInbound(posted, Context()).Error);
    }

    [Fact]
    public void MapOutbound_BotReply_KeepsReplyToIdAndAddressesConversation()
    {
        var reply = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "bot-chosen",
            Text = "hello",
            ReplyToId = "conv-1|0000001",
            From = new ChannelAccount("helpdesk-bot", "Helpdesk", RoleTypes.Bot),
            Recipient = new ChannelAccount("u1", "Ann", RoleTypes.User),
            Conversation = new ConversationAccount("conv-1"),
            ServiceUrl = "https://host/v3/directline/",
        };

        var mapped = DirectLineActivityMapper.MapOutbound(reply, "conv-1", Bot, null, Now);

        Assert.Null(mapped.Id);
        Assert.Equal("conv-1|0000001", mapped.ReplyToId);
        Assert.Equal(Now, mapped.Timestamp);
        Assert.Equal(ChannelIds.Directline, mapped.ChannelId);
        Assert.Equal("conv-1", mapped.Conversation!.Id);
        Assert.Equal("helpdesk-bot", mapped.From!.Id);
        Assert.Equal("u1", mapped.Recipient!.Id);
        Assert.Equal("https://host/v3/directline/", mapped.ServiceUrl);
    }

    [Fact]
    public void MapOutbound_NoSenderNoType_BecomesMessageFromBot()
    {
        var mapped = DirectLineActivityMapper.MapOutbound(new Activity { Text = "x" }, "conv-1", Bot, "https://s/", Now);

        Assert.Equal(ActivityTypes.Message, mapped.Type);
        Assert.Equal("helpdesk-bot", mapped.From!.Id);
        Assert.Equal(RoleTypes.Bot, mapped.From.Role);
        Assert.Equal("https://s/", mapped.ServiceUrl);
    }

    [Fact]
    public void CreateConversationUpdate_UserJoins_AddsBotAndUserFromUser()
    {
        var update = DirectLineActivityMapper.CreateConversationUpdate("conv-1", Bot, new ChannelAccount("dl_u", "Ann"), "https://s/", "de-DE", Now);

        Assert.Equal(ActivityTypes.ConversationUpdate, update.Type);
        Assert.Null(update.Id);
        Assert.Equal(["helpdesk-bot", "dl_u"], update.MembersAdded!.Select(m => m.Id));
        Assert.Equal("dl_u", update.From!.Id);
        Assert.Equal("helpdesk-bot", update.Recipient!.Id);
        Assert.Equal("de-DE", update.Locale);
        Assert.Equal(ChannelIds.Directline, update.ChannelId);
    }

    private static DirectLineInboundContext Context(string? boundUserId = null, string? boundUserName = null) =>
        new("conv-1", Bot, "https://host/v3/directline/", boundUserId, boundUserName, Now);
}
