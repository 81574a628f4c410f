using Helpdesk.Bot.Core.Dialogs.Prompts;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Core.Tests.Dialogs.Prompts;

public sealed class TextPromptTests
{
    [Fact]
    public async Task TextPrompt_AnyText_EndsWithTrimmedText()
    {
        var harness = new DialogHarness(new PromptTestDialog<string>(new TextPrompt("text"), PromptOptions.FromText("What's your name?")));

        await harness.Flow()
            .Send("hi")
            .AssertReply(a =>
            {
                Assert.Equal("What's your name?", a.Text);
                Assert.Equal(InputHints.ExpectingInput, a.InputHint);
            }, "the question, expecting input")
            .Send("  Alice Smith ")
            .AssertReply("Done: value=Alice Smith attempts=1")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task TextPrompt_NonMessageActivity_KeepsWaitingSilently()
    {
        var harness = new DialogHarness(new PromptTestDialog<string>(new TextPrompt("text"), PromptOptions.FromText("Name?")));

        await harness.Flow()
            .Send("hi").AssertReply("Name?")
            .Send(new Activity { Type = ActivityTypes.Typing })
            .AssertNoReply()
            .Send("Bob").AssertReply("Done: value=Bob attempts=1")
            .StartTestAsync();
    }

    [Fact]
    public async Task TextPrompt_ValidatorRejects_SendsRetryPromptThenAccepts()
    {
        PromptValidator<string> atLeastThree = (ctx, _) => Task.FromResult(ctx.Recognized.Succeeded && ctx.Recognized.Value!.Length >= 3);
        var harness = new DialogHarness(new PromptTestDialog<string>(
            new TextPrompt("text", atLeastThree),
            PromptOptions.FromText("Describe the problem.", "Please give me a few more words.")));

        await harness.Flow()
            .Send("hi").AssertReply("Describe the problem.")
            .Send("no").AssertReply("Please give me a few more words.")
            .Send("Outlook crashes").AssertReply("Done: value=Outlook crashes attempts=2")
            .StartTestAsync();
    }

    [Fact]
    public async Task TextPrompt_ValidatorSendsOwnMessage_NoRetryPromptAdded()
    {
        PromptValidator<string> noDigits = async (ctx, ct) =>
        {
            if (ctx.Recognized.Value!.Any(char.IsDigit))
            {
                await ctx.Context.SendActivityAsync($"No digits please (attempt {ctx.AttemptCount}).", ct);
                return false;
            }

            return true;
        };
        var harness = new DialogHarness(new PromptTestDialog<string>(new TextPrompt("text", noDigits), PromptOptions.FromText("City?", "City, again?")));

        await harness.Flow()
            .Send("hi").AssertReply("City?")
            .Send("42").AssertReply("No digits please (attempt 1).").AssertNoReply()
            .Send("Oslo").AssertReply("Done: value=Oslo attempts=2")
            .StartTestAsync();
    }

    [Fact]
    public async Task TextPrompt_MaxAttemptsReached_EndsWithFailedResultInsteadOfAskingAgain()
    {
        var options = PromptOptions.FromText("Ticket title?", "Still need a title.") with { MaxAttempts = 2 };
        var harness = new DialogHarness(new PromptTestDialog<string>(
            new TextPrompt("text", (_, _) => Task.FromResult(false)), options));

        await harness.Flow()
            .Send("hi").AssertReply("Ticket title?")
            .Send("a").AssertReply("Still need a title.")
            .Send("b").AssertReply("Done: failed attempts=2")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task TextPrompt_DefaultLimit_GivesUpAfterThreeAnswers()
    {
        var harness = new DialogHarness(new PromptTestDialog<string>(
            new TextPrompt("text", (_, _) => Task.FromResult(false)), PromptOptions.FromText("Q?")));

        await harness.Flow()
            .Send("hi").AssertReply("Q?")
            .Send("1").AssertReply("Q?")
            .Send("2").AssertReply("Q?")
            .Send("3").AssertReply($"Done: failed attempts={PromptOptions.DefaultMaxAttempts}")
            .StartTestAsync();
    }

    [Fact]
    public async Task PromptAsync_MaxAttemptsZero_Throws()
    {
        var harness = new DialogHarness(new PromptTestDialog<string>(
            new TextPrompt("text"), PromptOptions.FromText("Q?") with { MaxAttempts = 0 }));

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Flow().Send("hi").StartTestAsync());
    }
}
