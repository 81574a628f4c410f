using Helpdesk.Bot.Core.Dialogs;

namespace Helpdesk.Bot.Core.Tests.Dialogs;

public sealed class DialogManagerTests
{
    private static readonly InterruptionOptions Defaults = new();

    [Fact]
    public async Task OnTurnAsync_HelpDuringPrompt_ShowsHelpThenSamePromptAndKeepsProgress()
    {
        var harness = new DialogHarness(new TicketDialog(), useManager: true);

        await harness.Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("Ivy").AssertReply("How many devices, Ivy?")
            .Send("help").AssertReply(Defaults.HelpMessage).AssertReply("How many devices, Ivy?").AssertNoReply()
            .Send("2").AssertReplyWithSuggestedActions("Open a ticket for Ivy with 2 devices?", "Yes", "No")
            .Send("?").AssertReply(Defaults.HelpMessage).AssertSuggestedActions("Yes", "No")
            .Send("yes").AssertReply("Done: ticket for Ivy x2")
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_HelpDoesNotCountAsAttempt()
    {
        var harness = new DialogHarness(new TicketDialog(confirmAttempts: 1), useManager: true);

        await harness.Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("Jo").AssertReply("How many devices, Jo?")
            .Send("1").AssertReply("Open a ticket for Jo with 1 devices?")
            .Send("help").AssertReply(Defaults.HelpMessage).AssertReply("Open a ticket for Jo with 1 devices?")
            .Send("no").AssertReply("Done: not opened")
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_CancelMidDialog_CancelsAllConfirmsAndNextMessageStartsFresh()
    {
        var harness = new DialogHarness(new TicketDialog(), useManager: true);

        await harness.Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("Kim").AssertReply("How many devices, Kim?")
            .Send("cancel").AssertReply(Defaults.CancelMessage).AssertNoReply()
            .Do(async () =>
            {
                var stored = await harness.Storage.ReadAsync(["test/conversations/conversation1"], default);
                var stack = stored["test/conversations/conversation1"].Value.GetProperty("DialogState").GetProperty("dialogStack");
                Assert.Equal(0, stack.GetArrayLength());
            }, "the saved stack is empty")
            .Send("hello").AssertReply("What's your name?")
            .StartTestAsync();

        Assert.Contains(harness.Results, r => r.Status == DialogTurnStatus.Cancelled);
    }

    [Fact]
    public async Task OnTurnAsync_CancelWithNothingActive_SaysNothingToCancel()
    {
        var harness = new DialogHarness(new TicketDialog(), useManager: true);

        await harness.Flow()
            .Send("cancel").AssertReply(Defaults.NothingToCancelMessage).AssertNoReply()
            .StartTestAsync();

        Assert.Equal(DialogTurnStatus.Empty, harness.Results.Single().Status);
    }

    [Theory]
    [InlineData("start over")]
    [InlineData("restart")]
    [InlineData("menu")]
    public async Task OnTurnAsync_StartOverMidDialog_RestartsRootWithFreshState(string command)
    {
        var harness = new DialogHarness(new TicketDialog(), useManager: true);

        await harness.Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("Lee").AssertReply("How many devices, Lee?")
            .Send(command).AssertReply(Defaults.StartOverMessage!).AssertReply("What's your name?")
            .Send("Max").AssertReply("How many devices, Max?")
            .Send("4").AssertReply("Open a ticket for Max with 4 devices?")
            .Send("y").AssertReply("Done: ticket for Max x4")
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_HelpWhileIdle_ShowsHelpAndStartsRoot()
    {
        var harness = new DialogHarness(new TicketDialog(), useManager: true);

        await harness.Flow()
            .Send("help").AssertReply(Defaults.HelpMessage).AssertReply("What's your name?")
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_SentenceContainingCommandWord_GoesToDialog()
    {
        var harness = new DialogHarness(new TicketDialog(), useManager: true);

        await harness.Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("Help Desk Tester").AssertReply("How many devices, Help Desk Tester?")
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_CustomWordsAndMessages_UsesThem()
    {
        var options = new InterruptionOptions
        {
            HelpWords = ["hilfe"],
            CancelWords = ["abbrechen"],
            StartOverWords = ["neu"],
            HelpMessage = "Hilfe!",
            CancelMessage = "Abgebrochen.",
            StartOverMessage = null,
        };
        var harness = new DialogHarness(new TicketDialog(), interruptions: options);

        await harness.Flow()
            .Send("hallo").AssertReply("What's your name?")
            .Send("hilfe").AssertReply("Hilfe!").AssertReply("What's your name?")
            .Send("neu").AssertReply("What's your name?").AssertNoReply()
            .Send("abbrechen").AssertReply("Abgebrochen.")
            .Send("cancel").AssertReply("What's your name?")
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_HelpInsideNestedComponent_RepromptsInnermostPrompt()
    {
        var outer = new ComponentDialog("outer");
        outer.AddDialog(new WaterfallDialog("outer-steps",
        [
            (step, ct) => step.BeginDialogAsync("ticket", null, ct),
            (step, ct) => step.EndDialogAsync($"outer got {step.Result}", ct),
        ]));
        outer.AddDialog(new TicketDialog());
        var harness = new DialogHarness(outer, useManager: true);

        await harness.Flow()
            .Send("hi").AssertReply("What's your name?")
            .Send("help").AssertReply(Defaults.HelpMessage).AssertReply("What's your name?")
            .Send("Nia").AssertReply("How many devices, Nia?")
            .Send("1").AssertReply("Open a ticket for Nia with 1 devices?")
            .Send("yes").AssertReply("Done: outer got ticket for Nia x1")
            .StartTestAsync();
    }
}
