using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Tests.Dialogs.Choices;

public sealed class ChoiceFactoryTests
{
    private static readonly Choice[] Three = [new("Red"), new("Green"), new("Blue", Action: CardAction.ImBack("Blue!", "blue"))];

    [Fact]
    public void Render_SuggestedAction_AddsImBackButtonsAndLeavesPromptUntouched()
    {
        var prompt = MessageFactory.Text("Pick one");

        var activity = ChoiceFactory.Render(prompt, Three, ListStyle.SuggestedAction);

        Assert.Equal("Pick one", activity.Text);
        Assert.Equal(InputHints.ExpectingInput, activity.InputHint);
        var actions = activity.SuggestedActions!.Actions!;
        Assert.Equal(["Red", "Green", "Blue!"], actions.Select(a => a.Title));
        Assert.Equal(["Red", "Green", "blue"], actions.Select(a => a.Value?.ToString()));
        Assert.All(actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
        Assert.Null(prompt.SuggestedActions);
        Assert.NotSame(prompt, activity);
    }

    [Fact]
    public void Render_Inline_AppendsNumberedChoicesToText()
    {
        var activity = ChoiceFactory.Render(MessageFactory.Text("Pick one:"), Three, ListStyle.Inline);

        Assert.Equal("Pick one: (1) Red, (2) Green, or (3) Blue!", activity.Text);
        Assert.Null(activity.SuggestedActions);
    }

    [Fact]
    public void Inline_TwoChoices_UsesOrWithoutComma()
    {
        Assert.Equal("(1) Yes or (2) No", ChoiceFactory.Inline([new("Yes"), new("No")]));
    }

    [Fact]
    public void Render_List_AddsOneLinePerChoice()
    {
        var activity = ChoiceFactory.Render(MessageFactory.Text("Pick one"), Three, ListStyle.List);

        Assert.Equal("Pick one\n\n1. Red\n2. Green\n3. Blue!", activity.Text);
    }

    [Fact]
    public void Render_NoneWithoutPrompt_EmptyMessageWithoutChoices()
    {
        var activity = ChoiceFactory.Render(null, Three, ListStyle.None);

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal(string.Empty, activity.Text);
        Assert.Null(activity.SuggestedActions);
    }
}
