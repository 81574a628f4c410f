using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Bot.Core.Dialogs.Prompts;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Core.Tests.Dialogs.Prompts;

public sealed class ConfirmPromptTests
{
    [Theory]
    [InlineData("yes")]
    [InlineData("Yes")]
    [InlineData("Y")]
    [InlineData("yep")]
    [InlineData("Yup!")]
    [InlineData("sure")]
    [InlineData("OK")]
    [InlineData("okay.")]
    [InlineData("yes please")]
    [InlineData("1")]
    public async Task ConfirmPrompt_YesWords_EndsTrue(string answer)
    {
        await Run(answer, "Done: value=True attempts=1");
    }

    [Theory]
    [InlineData("no")]
    [InlineData("No")]
    [InlineData("n")]
    [InlineData("nope")]
    [InlineData("Nah")]
    [InlineData("no thanks")]
    [InlineData("don't")]
    [InlineData("2")]
    public async Task ConfirmPrompt_NoWords_EndsFalse(string answer)
    {
        await Run(answer, "Done: value=False attempts=1");
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("I'm not sure")]
    [InlineData("yes no")]
    [InlineData("3")]
    [InlineData("yess")]
    public async Task ConfirmPrompt_UnclearAnswer_RetryPromptWithButtons(string answer)
    {
        var harness = Harness();

        await harness.Flow()
            .Send("hi").AssertReplyWithSuggestedActions("Restart your laptop now?", "Yes", "No")
            .Send(answer).AssertReplyWithSuggestedActions("Please answer yes or no.", "Yes", "No")
            .Send("yes").AssertReply("Done: value=True attempts=2")
            .StartTestAsync();
    }

    [Fact]
    public async Task ConfirmPrompt_Buttons_AreImBackYesAndNo()
    {
        await Harness().Flow()
            .Send("hi")
            .AssertReply(a =>
            {
                Assert.Equal(InputHints.ExpectingInput, a.InputHint);
                Assert.All(a.SuggestedActions!.Actions!, action => Assert.Equal(ActionTypes.ImBack, action.Type));
                Assert.Equal(["Yes", "No"], a.SuggestedActions.Actions!.Select(x => x.Value as string));
            }, "imBack buttons")
            .StartTestAsync();
    }

    [Fact]
    public async Task ConfirmPrompt_InlineStyleFromOptions_ListsChoicesInText()
    {
        var options = PromptOptions.FromText("Continue?") with { Style = ListStyle.Inline };
        var harness = new DialogHarness(new PromptTestDialog<bool>(new ConfirmPrompt("confirm"), options));

        await harness.Flow()
            .Send("hi").AssertReply("Continue? (1) Yes or (2) No")
            .StartTestAsync();
    }

    [Fact]
    public async Task ConfirmPrompt_LimitReached_EndsFailed()
    {
        var options = PromptOptions.FromText("Sure?") with { MaxAttempts = 1 };
        var harness = new DialogHarness(new PromptTestDialog<bool>(new ConfirmPrompt("confirm"), options));

        await harness.Flow()
            .Send("hi").AssertSuggestedActions("Yes", "No")
            .Send("what?").AssertReply("Done: failed attempts=1")
            .StartTestAsync();
    }

    [Fact]
    public async Task ConfirmPrompt_CustomChoices_UsesTheirLabelsAndWords()
    {
        var prompt = new ConfirmPrompt("confirm") { Yes = new Choice("Ja", ["jawohl"]), No = new Choice("Nein") };
        var harness = new DialogHarness(new PromptTestDialog<bool>(prompt, PromptOptions.FromText("Weiter?")));

        await harness.Flow()
            .Send("hi").AssertReplyWithSuggestedActions("Weiter?", "Ja", "Nein")
            .Send("jawohl").AssertReply("Done: value=True attempts=1")
            .StartTestAsync();
    }

    private static DialogHarness Harness() =>
        new(new PromptTestDialog<bool>(new ConfirmPrompt("confirm"), PromptOptions.FromText("Restart your laptop now?", "Please answer yes or no.")));

    private static Task Run(string answer, string expected) =>
        Harness().Flow()
            .Send("hi").AssertReplyWithSuggestedActions("Restart your laptop now?", "Yes", "No")
            .Send(answer).AssertReply(expected)
            .AssertNoReply()
            .StartTestAsync();
}
