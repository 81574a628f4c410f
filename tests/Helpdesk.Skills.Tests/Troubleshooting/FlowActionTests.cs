using Helpdesk.Skills.Tests.Troubleshooting.Support;
using Helpdesk.Skills.Troubleshooting;

namespace Helpdesk.Skills.Tests.Troubleshooting;

/// <summary>The built-in actions against real components: the KB index built from the project's articles, the directory seam.</summary>
public sealed class FlowActionTests
{
    [Fact]
    public async Task SearchKb_ShowsArticlesAndRecordsThemWithFeedback()
    {
        var harness = TroubleshootingHarness.ForFlow("outlook-mail-flow", knowledge: SharedKnowledge.Instance);
        await harness.Flow()
            .Send("bounce").AssertReplyContains("same checks").AssertReplyContains("What's happening with your mail?")
            .Send("I get a bounce").AssertReplyContains("What does the bounce say?")
            .Send("550 5.2.2 mailbox full")
            .AssertReply(a =>
            {
                Assert.Contains("These help articles look closest:", a.Text, StringComparison.Ordinal);
                Assert.Contains("1. **Mailbox is full** — ", a.Text, StringComparison.Ordinal);
                Assert.EndsWith("**Did one of these solve it?**", a.Text, StringComparison.Ordinal);
                Assert.Equal(["Yes", "No", "Back", "This didn't help"], a.SuggestedActions!.Actions!.Select(b => b.Title));
            }, "search results")
            .Send("no")
            .AssertReplyContains("Which fits best?")
            .StartTestAsync();

        var shown = harness.CaseFile.ArticlesShown;
        Assert.Contains(shown, a => a.ArticleId == "outlook-mailbox-full" && a.Query == "email bounce undeliverable 550 5.2.2 mailbox full");
        Assert.All(shown, a => Assert.False(a.Helped));
        Assert.Contains(harness.CaseFile.StepsTried, s => s.Step.StartsWith("Searched the help articles for \"email bounce undeliverable 550 5.2.2 mailbox full\": showed outlook-mailbox-full", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchKb_NoKnowledgeBase_TakesTheNoWay()
    {
        var harness = TroubleshootingHarness.ForFlow("outlook-mail-flow");
        await harness.Flow()
            .Send("bounce").AssertReplyContains("same checks").AssertReplyContains("What's happening with your mail?")
            .Send("3").AssertReplyContains("What does the bounce say?")
            .Send("550 5.1.1 user unknown")
            .AssertReplyContains("Which fits best?")
            .StartTestAsync();

        Assert.Contains(harness.CaseFile.StepsTried, s => s.Step.EndsWith(": nothing found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Instructions_ReferencedArticle_NamedWithLinkAndRecorded()
    {
        var harness = new TroubleshootingHarness(knowledge: SharedKnowledge.Instance, options: new TroubleshootingOptions { ArticleLinkFormat = "https://support.contoso.com/kb/{id}" })
        {
            Request = TroubleshootingRequest.Start("vpn"),
        };
        await harness.Flow()
            .Send("vpn").AssertReplyContains("same checks").AssertReplyContains("What's happening")
            .Send("Certificate error")
            .AssertReply(a => Assert.Contains("More detail: [VPN certificate error](https://support.contoso.com/kb/vpn-certificate-error)", a.Text, StringComparison.Ordinal), "the article link")
            .StartTestAsync();

        Assert.Contains(harness.CaseFile.ArticlesShown, a => a.ArticleId == "vpn-certificate-error" && a.Title == "VPN certificate error" && a.Query == "troubleshooting:vpn");
    }

    [Fact]
    public async Task LookupUser_Found_FactsCapturedAndUsedInTheTicket()
    {
        var directory = new FixedUserDirectory(FixedUserDirectory.Ada);
        var harness = TroubleshootingHarness.ForFlow("shared-drive", directory: directory);
        await harness.Flow()
            .Send("shared drive").AssertReplyContains("same checks").AssertReplyContains("Which drive or folder?")
            .Send(@"\\files.contoso.com\Finance").AssertReplyContains("What happens when you open it?")
            .Send("access denied").AssertReplyContains("Could you open this folder before?")
            .Send("no").AssertReplyContains("What access do you need?")
            .Send("read only").AssertReplyContains("why do you need access?")
            .Send("I joined finance")
            .AssertReplyContains("Folder access")
            .StartTestAsync();

        Assert.Equal("test", directory.Requests.Single().ChannelId);
        Assert.Equal("user1", directory.Requests.Single().UserId);
        Assert.Equal("Finance", harness.CaseFile.Captured["user.department"]);
        Assert.Equal("CON-LT-4821", harness.CaseFile.Captured["device.name"]);
        Assert.Equal(
            @"Folder access request: \\files.contoso.com\Finance. Reason: I joined finance. Department: Finance; manager: Grace Hopper.",
            Assert.Single(harness.Outcomes).Escalation!.Reason);
    }

    [Fact]
    public async Task LookupUser_NoDirectory_TakesTheNotFoundWay()
    {
        var harness = TroubleshootingHarness.ForFlow("bitlocker");
        await harness.Flow()
            .Send("bitlocker").AssertReplyContains("same checks").AssertReplyContains("out of your sight")
            .Send("no").AssertReplyContains("View BitLocker Keys")
            .Send("no").AssertReplyContains("What happened?")
            .Send("The laptop isn't listed, or has no key")
            .AssertReplyContains("What's the laptop's name")
            .StartTestAsync();

        Assert.Contains(harness.CaseFile.StepsTried, s => s.Step == "Looked the user up in the directory: not found");
    }
}
