using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.State;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.Tests.Troubleshooting.Support;
using Helpdesk.Skills.Troubleshooting;

namespace Helpdesk.Skills.Tests.Troubleshooting;

public sealed class TroubleshootingConversationTests
{
    private const string Intro = "I'll take you through the same checks a technician would.";
    private static readonly string[] VpnSymptoms = ["It won't connect", "It connects, then drops", "Certificate error", "My sign-in is rejected"];

    [Fact]
    public async Task Start_Flow_IntroThenFirstQuestionWithButtons()
    {
        var harness = TroubleshootingHarness.ForFlow("vpn");
        await harness.Flow()
            .Send("vpn")
            .AssertReplyContains(Intro)
            .AssertReplyWithSuggestedActions("What's happening with the VPN?", [.. VpnSymptoms, "This didn't help"])
            .AssertNoReply()
            .StartTestAsync();

        Assert.True(harness.Active);
        Assert.Equal("network/vpn", harness.CaseFile.Category);
        Assert.Contains(harness.CaseFile.StepsTried, s => s.Step.Contains("Checked known incidents for vpn: none active", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("It won't connect")]
    [InlineData("wont conect")]
    [InlineData("stuck on connecting")]
    [InlineData("the first one")]
    public async Task Question_TypedAnswer_NumberTextOrFuzzy_Understood(string answer)
    {
        var harness = TroubleshootingHarness.ForFlow("vpn");
        await harness.Flow()
            .Send("vpn").AssertReplyContains(Intro).AssertReplyContains("What's happening")
            .Send(answer)
            .AssertReply(a =>
            {
                Assert.StartsWith("Are you in a Contoso office", a.Text, StringComparison.Ordinal);
                Assert.Equal(["Yes", "No", "Back", "This didn't help"], a.SuggestedActions!.Actions!.Select(b => b.Title));
            }, "the office check with yes/no, back and didn't-help buttons")
            .StartTestAsync();

        var step = Assert.Single(harness.CaseFile.StepsTried, s => s.Step == "What's happening with the VPN?");
        Assert.Equal("It won't connect", step.Answer);
    }

    [Theory]
    [InlineData("y", "in-office")]
    [InlineData("yse", "in-office")]
    [InlineData("nope", "internet")]
    [InlineData("2", "internet")]
    public async Task Check_YesNoTyped_FollowsTheRightBranch(string answer, string expectedNode)
    {
        var expected = EmbeddedFlows.Get("vpn").Find(expectedNode)!;
        var harness = TroubleshootingHarness.ForFlow("vpn");
        await harness.Flow()
            .Send("vpn").AssertReplyContains(Intro).AssertReplyContains("What's happening")
            .Send("1").AssertReplyContains("Contoso office")
            .Send(answer)
            .AssertReply(a => Assert.Contains(expected.Text!.Split('\n')[0], a.Text, StringComparison.Ordinal), $"the {expectedNode} step")
            .StartTestAsync();
    }

    [Fact]
    public async Task Check_NotSure_IsNotAYesAndAsksAgain()
    {
        var harness = TroubleshootingHarness.ForFlow("vpn");
        await harness.Flow()
            .Send("vpn").AssertReplyContains(Intro).AssertReplyContains("What's happening")
            .Send("1").AssertReplyContains("Contoso office")
            .Send("I'm not sure")
            .AssertReplyContains("Sorry, I didn't catch that")
            .AssertReplyContains("Contoso office")
            .StartTestAsync();
    }

    [Fact]
    public async Task Back_ReturnsToThePreviousStep_AndIsRecorded()
    {
        var harness = TroubleshootingHarness.ForFlow("vpn");
        await harness.Flow()
            .Send("vpn").AssertReplyContains(Intro).AssertReplyContains("What's happening")
            .Send("1").AssertReplyContains("Contoso office")
            .Send("go back")
            .AssertReplyWithSuggestedActions("What's happening with the VPN?", [.. VpnSymptoms, "This didn't help"])
            .Send("Certificate error")
            .AssertReplyContains("Never choose \"Continue anyway\"")
            .StartTestAsync();

        Assert.Contains(harness.CaseFile.StepsTried, s => s.Step == "Went back from: In a Contoso office?");
    }

    [Fact]
    public async Task StartAgain_GoesBackToTheFirstStep()
    {
        var harness = TroubleshootingHarness.ForFlow("vpn");
        await harness.Flow()
            .Send("vpn").AssertReplyContains(Intro).AssertReplyContains("What's happening")
            .Send("1").AssertReplyContains("Contoso office")
            .Send("no").AssertReplyContains("bing.com")
            .Send("start again")
            .AssertReply("OK, let's start again from the top.")
            .AssertReplyWithSuggestedActions("What's happening with the VPN?", [.. VpnSymptoms, "This didn't help"])
            .StartTestAsync();
    }

    [Fact]
    public async Task DidntHelp_AtAnyStep_EscalatesWithTheStepsTried()
    {
        var harness = TroubleshootingHarness.ForFlow("vpn");
        await harness.Flow()
            .Send("vpn").AssertReplyContains(Intro).AssertReplyContains("What's happening")
            .Send("1").AssertReplyContains("Contoso office")
            .Send("no").AssertReplyContains("bing.com")
            .Send("This didn't help")
            .AssertReplyContains("Sorry that didn't do it")
            .AssertNoReply()
            .StartTestAsync();

        var outcome = Assert.Single(harness.Outcomes);
        Assert.Equal(SkillOutcomeKind.Escalate, outcome.Kind);
        Assert.Equal(EscalationTrigger.FlowEscalated, outcome.Escalation!.Trigger);
        Assert.Equal("network/vpn", outcome.Escalation.Category);
        Assert.Equal(TicketPriority.P3, outcome.Escalation.Priority);
        Assert.Contains("Internet works with the VPN off?", outcome.Escalation.Reason, StringComparison.Ordinal);
        Assert.Equal(
            ["What's happening with the VPN?", "In a Contoso office?", "Internet works with the VPN off?"],
            harness.CaseFile.StepsTried.Where(s => s.Answer is not null).Select(s => s.Step));
        Assert.Equal(["It won't connect", "No", "This didn't help"], harness.CaseFile.StepsTried.Where(s => s.Answer is not null).Select(s => s.Answer));
    }

    [Fact]
    public async Task AskForAPerson_MidFlow_EscalatesAsUserAsked()
    {
        var harness = TroubleshootingHarness.ForFlow("printer");
        await harness.Flow()
            .Send("printer").AssertReplyContains(Intro).AssertReplyContains("What's the printer doing?")
            .Send("talk to a person")
            .AssertReplyContains("service desk")
            .StartTestAsync();

        Assert.Equal(EscalationTrigger.UserAsked, Assert.Single(harness.Outcomes).Escalation!.Trigger);
    }

    [Fact]
    public async Task Unrecognized_ThreeTimes_Escalates()
    {
        var harness = TroubleshootingHarness.ForFlow("vpn");
        await harness.Flow()
            .Send("vpn").AssertReplyContains(Intro).AssertReplyContains("What's happening")
            .Send("purple").AssertReplyContains("didn't catch").AssertReplyContains("What's happening")
            .Send("banana").AssertReplyContains("didn't catch").AssertReplyContains("What's happening")
            .Send("elephant").AssertReplyContains("trouble following")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Contains("couldn't understand", Assert.Single(harness.Outcomes).Escalation!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_FreeText_CapturedRedactedAndUsedInTheReason()
    {
        var harness = TroubleshootingHarness.ForFlow("vpn");
        await harness.Flow()
            .Send("vpn").AssertReplyContains(Intro).AssertReplyContains("What's happening")
            .Send("It won't connect").AssertReplyContains("Contoso office")
            .Send("No").AssertReplyContains("bing.com")
            .Send("Yes").AssertReplyContains("Set time automatically")
            .Send("done").AssertReplyContains("Quit the VPN client")
            .Send("no").AssertReplyContains("hotspot")
            .Send("no").AssertReplyContains("Company Portal")
            .Send("no").AssertReply(a => Assert.Equal(["Skip", "Back", "This didn't help"], a.SuggestedActions!.Actions!.Select(b => b.Title)), "the error question")
            .Send("Error 809 — my password is Hunter2!")
            .AssertReplyContains("pass this to the service desk")
            .StartTestAsync();

        var captured = harness.CaseFile.Captured["vpn_error"];
        Assert.DoesNotContain("Hunter2", captured, StringComparison.Ordinal);
        Assert.Contains("Error 809", captured, StringComparison.Ordinal);
        var reason = Assert.Single(harness.Outcomes).Escalation!.Reason;
        Assert.Contains("Error 809", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Hunter2", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_RecoveryKeyPasted_NeverStored()
    {
        var harness = TroubleshootingHarness.ForFlow("bitlocker");
        const string Key = "123456-234567-345678-456789-567890-678901-789012-890123";
        await harness.Flow()
            .Send("bitlocker").AssertReplyContains(Intro).AssertReplyContains("out of your sight")
            .Send("no").AssertReplyContains("View BitLocker Keys")
            .Send("no").AssertReplyContains("What happened?")
            .Send("The key was rejected").AssertReplyContains("Key ID")
            .Send("no").AssertReplyContains("laptop's name")
            .Send("skip").AssertReplyContains("Recovery key ID")
            .Send($"here it is {Key}")
            .AssertReplyContains("read you the key")
            .StartTestAsync();

        Assert.DoesNotContain(Key, harness.CaseFile.Captured["recovery_key_id"], StringComparison.Ordinal);
        Assert.DoesNotContain(harness.CaseFile.StepsTried, s => (s.Answer ?? string.Empty).Contains("123456", StringComparison.Ordinal));
        Assert.DoesNotContain("123456", Assert.Single(harness.Outcomes).Escalation!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolved_EndsWithResolvedOutcome()
    {
        var harness = TroubleshootingHarness.ForFlow("vpn");
        await harness.Flow()
            .Send("vpn").AssertReplyContains(Intro).AssertReplyContains("What's happening")
            .Send("It connects, then drops").AssertReplyContains("connection underneath")
            .Send("Done").AssertReplyContains("When does it drop?")
            .Send("After I've been idle").AssertReplyContains("expected")
            .Send("yes")
            .AssertReplyContains("idle disconnects are by design")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(SkillOutcome.Resolved, Assert.Single(harness.Outcomes));
        Assert.Contains(harness.CaseFile.StepsTried, s => s.Step == "Outcome: resolved");
        Assert.False(harness.Active);
    }

    [Fact]
    public async Task ServerRestart_MidFlow_ContinuesWhereItWas()
    {
        using var temp = new TempDirectory();
        var database = SqliteDatabase.ForFile(temp.Sub("state.db"));
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TroubleshootingHarness.Start);

        var first = TroubleshootingHarness.ForFlow("vpn", new SqliteStorage(database, time));
        await first.Flow()
            .Send("vpn").AssertReplyContains(Intro).AssertReplyContains("What's happening")
            .Send("It won't connect").AssertReplyContains("Contoso office")
            .Send("No").AssertReplyContains("bing.com")
            .StartTestAsync();

        // A new process: new storage object over the same file, new dialogs, new adapter.
        var second = TroubleshootingHarness.ForFlow("vpn", new SqliteStorage(SqliteDatabase.ForFile(temp.Sub("state.db")), time));
        await second.Flow()
            .Send("back")
            .AssertReplyContains("Are you in a Contoso office")
            .Send("no").AssertReplyContains("bing.com")
            .Send("yes")
            .AssertReplyContains("Set time automatically")
            .StartTestAsync();

        Assert.Equal(
            ["It won't connect", "No", "No", "Yes"],
            second.CaseFile.StepsTried.Where(s => s.Answer is not null).Select(s => s.Answer));
    }

    [Fact]
    public async Task Picker_ShowsEveryFlow_AndStartsThePickedOne()
    {
        var harness = new TroubleshootingHarness();
        var labels = harness.Catalog.Flows.Select(f => f.Label).Append("Something else").ToArray();
        await harness.Flow()
            .Send("fix a problem")
            .AssertReplyWithSuggestedActions("What kind of problem is it?", labels)
            .Send("Printer")
            .AssertReplyContains(Intro)
            .AssertReplyContains("What's the printer doing?")
            .StartTestAsync();
    }

    [Fact]
    public async Task Picker_SomethingElse_EndsAndInvitesAFreeTextDescription()
    {
        var harness = new TroubleshootingHarness();
        await harness.Flow()
            .Send("fix a problem").AssertReplyContains("What kind of problem")
            .Send("something else")
            .AssertReplyContains("tell me in a few words")
            .StartTestAsync();

        Assert.Equal(SkillOutcome.Ended, Assert.Single(harness.Outcomes));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("Yes, let's do it")]
    [InlineData("sure")]
    public async Task Confirm_Yes_RunsTheDetectedFlow(string answer)
    {
        var harness = new TroubleshootingHarness();
        harness.Request = harness.Dialog.RequestFor("vpn keeps disconecting")!;
        await harness.Flow()
            .Send("vpn keeps disconecting")
            .AssertReplyWithSuggestedActions("Sounds like a VPN problem — shall we troubleshoot it together?", "Yes, let's do it", "No thanks")
            .Send(answer)
            .AssertReplyContains(Intro)
            .AssertReplyContains("What's happening with the VPN?")
            .StartTestAsync();
    }

    [Fact]
    public async Task Confirm_No_EndsDeclinedSayingNothing()
    {
        var harness = new TroubleshootingHarness();
        harness.Request = harness.Dialog.RequestFor("printer says offline")!;
        await harness.Flow()
            .Send("printer says offline").AssertReplyContains("Sounds like a printer problem")
            .Send("no thanks")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(SkillOutcome.Declined, Assert.Single(harness.Outcomes));
    }

    [Fact]
    public async Task Detect_TwoFlowsFit_AsksWhich()
    {
        var harness = new TroubleshootingHarness();
        harness.Request = harness.Dialog.RequestFor("outlook")!;
        await harness.Flow()
            .Send("outlook")
            .AssertReply(a =>
            {
                Assert.Equal("Which of these is closest?", a.Text);
                Assert.Contains("Outlook crashes / won't open", a.SuggestedActions!.Actions!.Select(b => b.Title));
                Assert.Contains("E-mail not sending / receiving", a.SuggestedActions!.Actions!.Select(b => b.Title));
            }, "which-flow question")
            .Send("sending")
            .AssertReplyContains(Intro)
            .AssertReplyContains("What's happening with your mail?")
            .StartTestAsync();
    }
}
