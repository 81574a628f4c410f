using System.Globalization;
using Helpdesk.Bot.Core.Dialogs.Prompts;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Core.Tests.Dialogs.Prompts;

public sealed class NumberPromptTests
{
    [Theory]
    [InlineData("42", 42)]
    [InlineData(" -7 ", -7)]
    [InlineData("+3", 3)]
    [InlineData("3.0", 3)]
    [InlineData("about 5 laptops", 5)]
    public async Task NumberPromptInt_ValidNumber_EndsWithValue(string answer, int expected)
    {
        var harness = new DialogHarness(new PromptTestDialog<int>(new NumberPrompt<int>("number"), PromptOptions.FromText("How many?")));

        await harness.Flow()
            .Send("hi").AssertReply("How many?")
            .Send(answer).AssertReply($"Done: value={expected} attempts=1")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("2.5", 2.5)]
    [InlineData("0.75", 0.75)]
    [InlineData("-1e2", -100)]
    [InlineData("roughly 1.5 hours", 1.5)]
    public async Task NumberPromptDouble_InvariantNumber_EndsWithValue(string answer, double expected)
    {
        var harness = new DialogHarness(new PromptTestDialog<double>(
            new NumberPrompt<double>("number"), PromptOptions.FromText("How long?"), v => v.ToString(CultureInfo.InvariantCulture)));

        await harness.Flow()
            .Send("hi").AssertReply("How long?")
            .Send(answer).AssertReply($"Done: value={expected.ToString(CultureInfo.InvariantCulture)} attempts=1")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("three")]
    [InlineData("3.5")]
    [InlineData("3,5")]
    [InlineData("between 2 and 4")]
    [InlineData("99999999999")]
    public async Task NumberPromptInt_NotASingleInteger_RetryPrompt(string answer)
    {
        var harness = new DialogHarness(new PromptTestDialog<int>(
            new NumberPrompt<int>("number"), PromptOptions.FromText("How many?", "Please answer with a whole number, like 3.")));

        await harness.Flow()
            .Send("hi").AssertReply("How many?")
            .Send(answer).AssertReply("Please answer with a whole number, like 3.")
            .Send("3").AssertReply("Done: value=3 attempts=2")
            .StartTestAsync();
    }

    [Fact]
    public async Task NumberPrompt_RangeValidator_RejectsOutOfRangeUntilValid()
    {
        var harness = new DialogHarness(new PromptTestDialog<int>(
            new NumberPrompt<int>("number", PromptValidators.Range(1, 10)),
            PromptOptions.FromText("How urgent, 1 to 10?", "Pick a number from 1 to 10.")));

        await harness.Flow()
            .Send("hi").AssertReply("How urgent, 1 to 10?")
            .Send("11").AssertReply("Pick a number from 1 to 10.")
            .Send("0").AssertReply("Pick a number from 1 to 10.")
            .Send("10").AssertReply("Done: value=10 attempts=3")
            .StartTestAsync();
    }

    [Fact]
    public async Task NumberPrompt_RangeValidatorLimitReached_EndsFailed()
    {
        var options = PromptOptions.FromText("Seats (1-5)?", "1 to 5, please.") with { MaxAttempts = 2 };
        var harness = new DialogHarness(new PromptTestDialog<int>(new NumberPrompt<int>("number", PromptValidators.Range(1, 5)), options));

        await harness.Flow()
            .Send("hi").AssertReply("Seats (1-5)?")
            .Send("6").AssertReply("1 to 5, please.")
            .Send("many").AssertReply("Done: failed attempts=2")
            .StartTestAsync();
    }

    [Fact]
    public async Task NumberPrompt_CustomValidatorUsesValidations_ReadsThemAfterStorageRoundTrip()
    {
        PromptValidator<int> even = (ctx, _) =>
        {
            var rule = ActivitySerializer.ConvertPayload<EvenRule>(ctx.Options.Validations);
            return Task.FromResult(ctx.Recognized.Succeeded && (!rule!.MustBeEven || ctx.Recognized.Value % 2 == 0));
        };
        var options = PromptOptions.FromText("Even number?", "That's odd.") with { Validations = new EvenRule(true) };
        var harness = new DialogHarness(new PromptTestDialog<int>(new NumberPrompt<int>("number", even), options));

        await harness.Flow()
            .Send("hi").AssertReply("Even number?")
            .Send("3").AssertReply("That's odd.")
            .Send("4").AssertReply("Done: value=4 attempts=2")
            .StartTestAsync();
    }

    [Fact]
    public void Range_MinAboveMax_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PromptValidators.Range(5, 1));
    }

    [Theory]
    [InlineData("12", true, 12)]
    [InlineData("I have 2 monitors", true, 2)]
    [InlineData("version 2.5.1", false, 0)]
    [InlineData("2 or 3", false, 0)]
    [InlineData("1,000", false, 0)]
    [InlineData("", false, 0)]
    public void NumberText_TryParseInt_ReadsOneNumberOnly(string text, bool ok, int expected)
    {
        Assert.Equal(ok, NumberText.TryParse<int>(text, out var value));
        Assert.Equal(expected, value);
    }

    private sealed record EvenRule(bool MustBeEven);
}
