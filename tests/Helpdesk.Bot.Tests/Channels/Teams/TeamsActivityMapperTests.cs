using System.Text.Json;
using Helpdesk.Bot.Channels.Teams;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Tests.Infrastructure;

namespace Helpdesk.Bot.Tests.Channels.Teams;

public sealed class TeamsActivityMapperTests
{
    [Fact]
    public void MapInbound_PlaygroundChannelMessageWithBotMention_MentionRemoved()
    {
        var activity = CapturedActivity.Load("teams-playground-channel-message-mention");

        TeamsActivityMapper.MapInbound(activity);

        Assert.Equal("my laptop will not boot", activity.Text);
        Assert.Contains(activity.Entities!, e => e.Type == "mention"); // entities are kept
    }

    [Fact]
    public void MapInbound_PersonalMessage_TextUnchanged()
    {
        var activity = CapturedActivity.Load("teams-playground-personal-message");
        var before = activity.Text;

        TeamsActivityMapper.MapInbound(activity);

        Assert.Equal(before, activity.Text);
    }

    [Fact]
    public void MapInbound_MentionOfAnotherUser_IsKept()
    {
        var activity = Message(
            "<at>Helpdesk</at> please reset <at>Megan Bowen</at>'s access",
            Mention("28:bot-1", "Helpdesk"),
            Mention("29:user-2", "Megan Bowen"));

        TeamsActivityMapper.MapInbound(activity);

        Assert.Equal("please reset <at>Megan Bowen</at>'s access", activity.Text);
    }

    [Fact]
    public void MapInbound_MentionIdWithoutPrefixAndNbsp_Removed()
    {
        var activity = Message("<at>Helpdesk</at>&nbsp;vpn", Mention("bot-1", "Helpdesk"));

        TeamsActivityMapper.MapInbound(activity);

        Assert.Equal("vpn", activity.Text);
    }

    [Fact]
    public void MapInbound_MentionWithoutEntity_RemovedByBotName()
    {
        var activity = Message("<at>Helpdesk</at> printer");

        TeamsActivityMapper.MapInbound(activity);

        Assert.Equal("printer", activity.Text);
    }

    [Theory]
    [InlineData("{\"msteams\":{\"type\":\"imBack\",\"value\":\"Fix a problem\"}}", "Fix a problem")]
    [InlineData("{\"msteams\":{\"type\":\"messageBack\",\"text\":\"Printer\",\"displayText\":\"Printer\"}}", "Printer")]
    public void MapInbound_CardSubmitOfAChoice_ArrivesAsTheChoiceText(string value, string expected)
    {
        var activity = Message(null);
        activity.Value = JsonDocument.Parse(value).RootElement.Clone();

        TeamsActivityMapper.MapInbound(activity);

        Assert.Equal(expected, activity.Text);
        Assert.NotNull(activity.Value);
    }

    [Fact]
    public void MapInbound_PlaygroundFormSubmit_StaysAValueWithoutText()
    {
        var activity = CapturedActivity.Load("teams-playground-card-submit-message");

        TeamsActivityMapper.MapInbound(activity);

        Assert.Null(activity.Text);
        Assert.Equal("createTicket", ((JsonElement)activity.Value!).GetProperty("action").GetString());
    }

    [Fact]
    public void MapInbound_TypedTextWithChoiceValue_TypedTextWins()
    {
        var activity = Message("Printer");
        activity.Value = JsonDocument.Parse("{\"msteams\":{\"type\":\"imBack\",\"value\":\"VPN\"}}").RootElement.Clone();

        TeamsActivityMapper.MapInbound(activity);

        Assert.Equal("Printer", activity.Text);
    }

    [Fact]
    public void From_PlaygroundChannelMessage_ReadsTenantTeamAndChannel()
    {
        var data = TeamsChannelData.From(CapturedActivity.Load("teams-playground-channel-message-mention"));

        Assert.Equal("00000000-0000-0000-0000-0000000000001", data.TenantId);
        Assert.Equal("team-id", data.TeamId);
        Assert.Equal("team-id", data.ChannelId);
        Assert.True(data.IsTeamChannel);
    }

    [Fact]
    public void From_DocsBotAddedToTeam_ReadsEventTypeAndTeamName()
    {
        var data = TeamsChannelData.From(CapturedActivity.Load("teams-docs-conversationUpdate-botAddedToTeam"));

        Assert.Equal("teamMemberAdded", data.EventType);
        Assert.NotNull(data.TeamId);
        Assert.NotNull(data.TenantId);
    }

    [Fact]
    public void From_PersonalChat_NoTeamTenantFromChannelData()
    {
        var data = TeamsChannelData.From(CapturedActivity.Load("teams-playground-personal-message"));

        Assert.False(data.IsTeamChannel);
        Assert.Equal("00000000-0000-0000-0000-0000000000001", data.TenantId);
    }

    private static Activity Message(string? text, params Entity[] entities) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelIds.Msteams,
        Text = text,
        Recipient = new ChannelAccount("28:bot-1", "Helpdesk"),
        From = new ChannelAccount("29:user-1", "Alex Wilber"),
        Conversation = new ConversationAccount("19:chat@thread.v2", isGroup: true) { ConversationType = "groupChat" },
        Entities = [.. entities],
    };

    private static Entity Mention(string id, string name) => ActivitySerializer.ConvertPayload<Entity>(
        JsonDocument.Parse(JsonSerializer.Serialize(new { type = "mention", text = $"<at>{name}</at>", mentioned = new { id, name } })).RootElement)!;
}
