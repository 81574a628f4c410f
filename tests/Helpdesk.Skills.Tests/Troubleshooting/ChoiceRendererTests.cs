using Helpdesk.Bot.Core.Schema;
using Helpdesk.Skills.Troubleshooting.Engine;

namespace Helpdesk.Skills.Tests.Troubleshooting;

public sealed class ChoiceRendererTests
{
    private static readonly string[] Eight = ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight"];

    [Fact]
    public void Render_Buttons_ImBackSuggestedActionsExpectingInput()
    {
        var activity = ChoiceRenderer.Render("Pick", Eight);

        Assert.Equal("Pick", activity.Text);
        Assert.Equal(Eight, activity.SuggestedActions!.Actions!.Select(a => a.Title));
        Assert.All(activity.SuggestedActions.Actions!, a => Assert.Equal(ActionTypes.ImBack, a.Type));
        Assert.Null(activity.Attachments);
        Assert.Equal(InputHints.ExpectingInput, activity.InputHint);
    }

    [Fact]
    public void Render_NoButtons_PlainMessage()
    {
        var activity = ChoiceRenderer.Render("Type it", []);

        Assert.Null(activity.SuggestedActions);
        Assert.Null(activity.Attachments);
        Assert.Equal("Type it", activity.Text);
        Assert.Equal(InputHints.ExpectingInput, activity.InputHint);
    }
}
