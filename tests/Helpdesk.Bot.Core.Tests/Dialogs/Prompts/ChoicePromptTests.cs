using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Bot.Core.Dialogs.Prompts;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Tests.Dialogs.Prompts;

public sealed class ChoicePromptTests
{
    private static readonly Choice[] Topics =
    [
        new("Password reset", ["forgot password"]),
        new("Unlock account"),
        new("Reset MFA"),
    ];

    [Theory]
    [InlineData("Password reset", "Password reset")]
    [InlineData("unlock account", "Unlock account")]
    [InlineData("forgot password", "Password reset")]
    [InlineData("2", "Unlock account")]
    [InlineData("third", "Reset MFA")]
    [InlineData("pasword reset", "Password reset")]
    [InlineData("unlok", "Unlock account")]
    [InlineData("mfa", "Reset MFA")]
    public async Task ChoicePrompt_RecognisedAnswer_EndsWithThatChoice(string answer, string expected)
    {
        await Harness().Flow()
            .Send("hi").AssertReplyWithSuggestedActions("What do you need help with?", "Password reset", "Unlock account", "Reset MFA")
            .Send(answer).AssertReply($"Done: value={expected} attempts=1")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task ChoicePrompt_AmbiguousAnswer_AsksAgainInsteadOfGuessing()
    {
        await Harness().Flow()
            .Send("hi").AssertSuggestedActions("Password reset", "Unlock account", "Reset MFA")
            .Send("reset").AssertReplyWithSuggestedActions("Please pick one of the options.", "Password reset", "Unlock account", "Reset MFA")
            .Send("1").AssertReply("Done: value=Password reset attempts=2")
            .StartTestAsync();
    }

    [Fact]
    public async Task ChoicePrompt_UnknownAnswerUntilLimit_EndsFailed()
    {
        var options = Options() with { MaxAttempts = 2 };
        var harness = new DialogHarness(new PromptTestDialog<FoundChoice>(new ChoicePrompt("choice"), options, c => c!.Value));

        await harness.Flow()
            .Send("hi").AssertReply("What do you need help with?")
            .Send("printer").AssertReply("Please pick one of the options.")
            .Send("4").AssertReply("Done: failed attempts=2")
            .StartTestAsync();
    }

    [Fact]
    public async Task ChoicePrompt_ListStyle_NumberedLinesWithoutButtons()
    {
        var harness = new DialogHarness(new PromptTestDialog<FoundChoice>(
            new ChoicePrompt("choice") { Style = ListStyle.List }, Options(), c => c!.Value));

        await harness.Flow()
            .Send("hi")
            .AssertReply(a =>
            {
                Assert.Equal("What do you need help with?\n\n1. Password reset\n2. Unlock account\n3. Reset MFA", a.Text);
                Assert.Null(a.SuggestedActions);
            }, "a numbered list")
            .StartTestAsync();
    }

    [Fact]
    public async Task ChoicePrompt_StyleInOptions_OverridesPromptStyle()
    {
        var harness = new DialogHarness(new PromptTestDialog<FoundChoice>(
            new ChoicePrompt("choice") { Style = ListStyle.List }, Options() with { Style = ListStyle.Inline }, c => c!.Value));

        await harness.Flow()
            .Send("hi").AssertReply("What do you need help with? (1) Password reset, (2) Unlock account, or (3) Reset MFA")
            .StartTestAsync();
    }

    [Fact]
    public async Task ChoicePrompt_ChoiceWithOwnAction_RendersItAndMatchesItsTitle()
    {
        Choice[] choices = [new("kb", Action: CardAction.ImBack("Search the knowledge base", "kb")), new("agent", Action: CardAction.ImBack("Talk to a person", "agent"))];
        var options = new PromptOptions { Prompt = MessageFactory.Text("How should I help?"), Choices = choices };
        var harness = new DialogHarness(new PromptTestDialog<FoundChoice>(new ChoicePrompt("choice"), options, c => $"{c!.Value}#{c.Index}"));

        await harness.Flow()
            .Send("hi").AssertSuggestedActions("Search the knowledge base", "Talk to a person")
            .Send("talk to a person").AssertReply("Done: value=agent#1 attempts=1")
            .StartTestAsync();
    }

    [Fact]
    public async Task ChoicePrompt_ValidatorRejectsChoice_RetriesThenAccepts()
    {
        PromptValidator<FoundChoice> notMfa = (ctx, _) => Task.FromResult(ctx.Recognized.Succeeded && ctx.Recognized.Value!.Value != "Reset MFA");
        var harness = new DialogHarness(new PromptTestDialog<FoundChoice>(new ChoicePrompt("choice", notMfa), Options(), c => c!.Value));

        await harness.Flow()
            .Send("hi").AssertReply("What do you need help with?")
            .Send("Reset MFA").AssertReply("Please pick one of the options.")
            .Send("Unlock account").AssertReply("Done: value=Unlock account attempts=2")
            .StartTestAsync();
    }

    [Fact]
    public async Task ChoicePrompt_WithoutChoices_Throws()
    {
        var harness = new DialogHarness(new PromptTestDialog<FoundChoice>(new ChoicePrompt("choice"), PromptOptions.FromText("Pick?")));

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => harness.Flow().Send("hi").StartTestAsync());
        Assert.Contains("Choices", ex.Message, StringComparison.Ordinal);
    }

    private static PromptOptions Options() =>
        PromptOptions.FromText("What do you need help with?", "Please pick one of the options.") with { Choices = Topics };

    private static DialogHarness Harness() =>
        new(new PromptTestDialog<FoundChoice>(new ChoicePrompt("choice"), Options(), c => c!.Value));
}
