using System.Text.Json;
using Helpdesk.Bot.Channels.Slack;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Tests.Channels.Slack;

public sealed class AzureSlackActivityRendererTests
{
    [Fact]
    public void Render_SuggestedActions_HeroCardWithTheSameButtons()
    {
        var activity = MessageFactory.SuggestedActions(["Yes", "No"], "Did that fix it?");
        activity.ChannelId = ChannelIds.Slack;

        var rendered = AzureSlackActivityRenderer.Render(activity);

        Assert.Null(rendered.SuggestedActions);
        Assert.Equal("Did that fix it?", rendered.Text);
        var card = Assert.Single(rendered.Attachments!);
        Assert.Equal(AttachmentContentTypes.HeroCard, card.ContentType);
        var buttons = JsonSerializer.SerializeToElement(card.Content, ActivitySerializer.Options).GetProperty("buttons");
        Assert.Equal(["Yes", "No"], buttons.EnumerateArray().Select(b => b.GetProperty("value").GetString()));
        Assert.Equal(["imBack", "imBack"], buttons.EnumerateArray().Select(b => b.GetProperty("type").GetString()));
        Assert.NotNull(activity.SuggestedActions);
    }

    [Fact]
    public void Render_NoSuggestedActions_SameActivity()
    {
        var activity = MessageFactory.Text("Hello");

        Assert.Same(activity, AzureSlackActivityRenderer.Render(activity));
    }
}
