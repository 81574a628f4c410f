using System.Text.Json;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Core.Tests.Schema;

/// <summary>Replies and conversation references address the right conversation, sender and recipient.</summary>
public sealed class ActivityReplyTests
{
    private static Activity Load(string file) => ActivitySerializer.Deserialize(CapturedActivities.Read(file));

    [Fact]
    public void CreateReply_TeamsMessage_SwapsAccountsAndKeepsConversationAndServiceUrl()
    {
        var incoming = Load("teams-playground-channel-message-mention.json");

        var reply = incoming.CreateReply("On it.");

        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal("On it.", reply.Text);
        Assert.Equal(incoming.Id, reply.ReplyToId);
        Assert.Equal(ChannelIds.Msteams, reply.ChannelId);
        Assert.Equal("http://localhost:56190/_connector", reply.ServiceUrl);
        Assert.Equal("team-id;messageid=1795356033418", reply.Conversation!.Id);
        Assert.Equal("00000000-0000-0000-0000-0000000000001", reply.Conversation.TenantId);
        Assert.Equal(incoming.Recipient!.Id, reply.From!.Id);
        Assert.Equal("Test Bot", reply.From.Name);
        Assert.Equal(RoleTypes.Bot, reply.From.Role);
        Assert.Equal("user-id-0", reply.Recipient!.Id);
        Assert.Equal("Alex Wilber", reply.Recipient.Name);
        Assert.Equal("00000000-0000-0000-0000-0000000000020", reply.Recipient.AadObjectId);
        Assert.Equal(RoleTypes.User, reply.Recipient.Role);
        Assert.Equal("en-US", reply.Locale);
        Assert.Null(reply.Timestamp);
        Assert.Null(reply.Value);
        Assert.Null(reply.ChannelData);
    }

    [Fact]
    public void CreateReply_DirectLineMessage_RepliesToTheServiceAssignedId()
    {
        var incoming = Load("directline-message-to-bot.json");

        var reply = incoming.CreateReply("Try restarting the VPN client.");
        var json = ActivitySerializer.Serialize(reply);

        Assert.Equal("Kx8vQ3m2Hn4Ab1cD7eF9-us|0000002", reply.ReplyToId);
        Assert.Equal("helpdesk-bot@9xQk2LmT4aE", reply.From!.Id);
        Assert.Equal("u-7f3a9c", reply.Recipient!.Id);
        Assert.Contains("\"replyToId\":\"Kx8vQ3m2Hn4Ab1cD7eF9-us|0000002\"", json, StringComparison.Ordinal);
        Assert.Contains("\"inputHint\":\"acceptingInput\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ChannelIds.Directline)]
    [InlineData(ChannelIds.Webchat)]
    public void CreateReply_DirectLineConversationUpdate_HasNoReplyToId(string channelId)
    {
        var incoming = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = "synthetic-update",
            ChannelId = channelId,
            Conversation = new ConversationAccount("c1"),
            From = new ChannelAccount("u1"),
            Recipient = new ChannelAccount("bot"),
        };

        Assert.Null(incoming.CreateReply("Welcome").ReplyToId);
        Assert.Null(incoming.GetConversationReference().ActivityId);
        Assert.Null(Message("Welcome").ApplyConversationReference(incoming.GetConversationReference()).ReplyToId);
    }

    [Fact]
    public void CreateReply_TeamsConversationUpdate_RepliesToIt()
    {
        var incoming = Load("teams-playground-conversationUpdate-teamMemberAdded.json");

        Assert.Equal(incoming.Id, incoming.CreateReply("Welcome").ReplyToId);
        Assert.Equal(incoming.Id, incoming.GetConversationReference().ActivityId);
    }

    [Fact]
    public void GetConversationReference_AfterJsonRoundTrip_AddressesAProactiveMessageLikeAReply()
    {
        var incoming = Load("teams-playground-personal-message.json");

        var json = JsonSerializer.Serialize(incoming.GetConversationReference(), ActivitySerializer.Options);
        var reference = JsonSerializer.Deserialize<ConversationReference>(json, ActivitySerializer.Options)!;
        var proactive = Message("Your ticket T-1001 was resolved.").ApplyConversationReference(reference);

        Assert.Equal(incoming.Id, reference.ActivityId);
        Assert.Equal(incoming.ChannelId, proactive.ChannelId);
        Assert.Equal(incoming.ServiceUrl, proactive.ServiceUrl);
        Assert.Equal(incoming.Conversation!.Id, proactive.Conversation!.Id);
        Assert.Equal(incoming.Conversation.TenantId, proactive.Conversation.TenantId);
        Assert.Equal(incoming.Conversation.ConversationType, proactive.Conversation.ConversationType);
        Assert.Equal(incoming.Recipient!.Id, proactive.From!.Id);
        Assert.Equal(incoming.From!.Id, proactive.Recipient!.Id);
        Assert.Equal(incoming.From.AadObjectId, proactive.Recipient.AadObjectId);
        Assert.Equal(incoming.Locale, proactive.Locale);
        Assert.Equal(incoming.Id, proactive.ReplyToId);
    }

    [Fact]
    public void ApplyConversationReference_KeepsReplyToIdAndLocaleAlreadySet()
    {
        var reference = Load("teams-playground-personal-message.json").GetConversationReference();
        var activity = Message("hi");
        activity.ReplyToId = "other";
        activity.Locale = "de-DE";

        activity.ApplyConversationReference(reference);

        Assert.Equal("other", activity.ReplyToId);
        Assert.Equal("de-DE", activity.Locale);
    }

    [Fact]
    public void ConversationReference_UnknownFields_RoundTrip()
    {
        const string json = """{"activityId":"1","user":{"id":"u","x":1},"bot":{"id":"b"},"conversation":{"id":"c","tenantId":"t"},"channelId":"msteams","locale":"en-US","serviceUrl":"https://smba.trafficmanager.net/emea/","extra":{"y":[true]}}""";

        var reference = JsonSerializer.Deserialize<ConversationReference>(json, ActivitySerializer.Options)!;

        JsonTreeAssert.Equal(json, JsonSerializer.Serialize(reference, ActivitySerializer.Options));
    }

    private static Activity Message(string text) => Activity.CreateMessage(text);
}
