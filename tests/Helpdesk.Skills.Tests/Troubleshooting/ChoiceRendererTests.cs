using System.Text.Json;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Skills.Troubleshooting.Engine;

namespace Helpdesk.Skills.Tests.Troubleshooting;

public sealed class ChoiceRendererTests
{
    private static readonly string[] Eight = ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight"];

    [Theory]
    [InlineData(ChannelIds.Webchat)]
    [InlineData(ChannelIds.Directline)]
    [InlineData(ChannelIds.Emulator)]
    public void Render_QuickReplyChannels_SuggestedActions(string channel)
    {
        var activity = ChoiceRenderer.Render(channel, "Pick", Eight);

        Assert.Equal(Eight, activity.SuggestedActions!.Actions!.Select(a => a.Title));
        Assert.All(activity.SuggestedActions.Actions!, a => Assert.Equal(ActionTypes.ImBack, a.Type));
        Assert.Null(activity.Attachments);
        Assert.Equal(InputHints.ExpectingInput, activity.InputHint);
    }

    [Fact]
    public void Render_TeamsUpToThree_SuggestedActions()
    {
        Assert.NotNull(ChoiceRenderer.Render(ChannelIds.Msteams, "Pick", Eight[..3]).SuggestedActions);
    }

    [Theory]
    [InlineData(ChannelIds.Msteams)]
    [InlineData(ChannelIds.Slack)]
    public void Render_CardChannels_HeroCardsOfSixButtons(string channel)
    {
        var activity = ChoiceRenderer.Render(channel, "Pick", Eight);

        Assert.Null(activity.SuggestedActions);
        Assert.Equal("Pick", activity.Text);
        Assert.Equal([6, 2], activity.Attachments!.Select(a => Buttons(a).Count));
        Assert.Equal(Eight, activity.Attachments!.SelectMany(Buttons));
        Assert.All(activity.Attachments!, a => Assert.Equal(AttachmentContentTypes.HeroCard, a.ContentType));
    }

    [Fact]
    public void Render_NoButtons_PlainMessage()
    {
        var activity = ChoiceRenderer.Render(ChannelIds.Slack, "Type it", []);

        Assert.Null(activity.SuggestedActions);
        Assert.Null(activity.Attachments);
        Assert.Equal("Type it", activity.Text);
    }

    private static List<string?> Buttons(Attachment attachment) =>
        [.. JsonSerializer.SerializeToElement(attachment.Content, ActivitySerializer.Options).GetProperty("buttons").EnumerateArray().Select(b => b.GetProperty("value").GetString())];
}
