using Helpdesk.Bot.Core.State;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.Tests.Troubleshooting.Support;
using Helpdesk.Skills.Troubleshooting.Incidents;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Skills.Tests.Troubleshooting.Incidents;

/// <summary>A known outage is shown before any troubleshooting, reports are counted, and updates can be asked for (real SQLite store, real feed file).</summary>
public sealed class IncidentShortCircuitTests : IDisposable
{
    private static readonly DateTimeOffset Now = TroubleshootingHarness.Start;
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly SqliteIncidentStore _store;
    private readonly KnownIncidents _incidents;

    public IncidentShortCircuitTests()
    {
        _store = new SqliteIncidentStore(SqliteDatabase.ForFile(_temp.Sub("helpdesk.db")));
        _incidents = new KnownIncidents(_store, _time, new IncidentFileFeed(_temp.Sub("incidents.json")));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Start_ActiveIncidentForTheService_ToldFirstInsteadOfTroubleshooting()
    {
        WriteFeed("""{"incidents": [{"id": "INC0012345", "service": "vpn", "title": "VPN connections failing in Europe", "status": "identified", "updated": "2026-12-01T08:40:00Z", "eta": "2026-12-01T11:00:00Z", "details": "Use Outlook on the web meanwhile."}]}""");
        var harness = TroubleshootingHarness.ForFlow("vpn", incidents: _incidents);
        await harness.Flow()
            .Send("vpn keeps dropping")
            .AssertReply(a =>
            {
                Assert.Contains("**Known issue:** VPN connections failing in Europe", a.Text, StringComparison.Ordinal);
                Assert.Contains("Status: **Identified** · updated 08:40 UTC · expected fix 11:00 UTC · reference INC0012345", a.Text, StringComparison.Ordinal);
                Assert.Contains("Use Outlook on the web meanwhile.", a.Text, StringComparison.Ordinal);
                Assert.Contains("you don't need to troubleshoot it yourself", a.Text, StringComparison.Ordinal);
                Assert.Equal(["Notify me of updates", "My problem is different", "OK, thanks"], a.SuggestedActions!.Actions!.Select(b => b.Title));
            }, "the incident notice")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(new IncidentStats(1, 1, 0), await _store.GetStatsAsync("INC0012345", default));
        Assert.Equal("INC0012345: VPN connections failing in Europe (Identified)", harness.CaseFile.Captured["known_incident"]);
    }

    [Fact]
    public async Task Notify_StoresTheSubscriptionWithWhereToSendIt()
    {
        await CreateApiIncidentAsync("INC-MAIL1", "email", "Outlook can't send mail");
        var harness = TroubleshootingHarness.ForFlow("outlook-mail-flow", incidents: _incidents);
        await harness.Flow()
            .Send("emails stuck in outbox").AssertReplyContains("Outlook can't send mail")
            .Send("yes please")
            .AssertReplyContains("You're on the list for updates")
            .StartTestAsync();

        Assert.Equal(SkillOutcome.Ended, Assert.Single(harness.Outcomes));
        var subscription = Assert.Single(await _store.SubscriptionsAsync("INC-MAIL1", default));
        Assert.Equal("test:user1", subscription.Reporter);
        Assert.Equal("conversation1", subscription.Conversation.Conversation!.Id);
        Assert.Equal(Now, subscription.SubscribedAt);
        Assert.Equal(1, (await _store.GetStatsAsync("INC-MAIL1", default)).Subscribers);
    }

    [Fact]
    public async Task Different_ContinuesWithTheFlowFromTheStart()
    {
        await CreateApiIncidentAsync("INC-VPN2", "vpn", "VPN slow in Asia");
        var harness = TroubleshootingHarness.ForFlow("vpn", incidents: _incidents);
        await harness.Flow()
            .Send("vpn").AssertReplyContains("VPN slow in Asia")
            .Send("My problem is different")
            .AssertReplyContains("I'll take you through the same checks")
            .AssertReplyContains("What's happening with the VPN?")
            .StartTestAsync();

        Assert.Contains(harness.CaseFile.StepsTried, s => s.Step == "Known incident INC-VPN2" && s.Answer == "My problem is different");
    }

    [Fact]
    public async Task Different_SameIncidentNotShownAgainLaterInTheFlow()
    {
        await CreateApiIncidentAsync("INC-MAIL2", "email", "Mail delays for some users");
        var harness = TroubleshootingHarness.ForFlow("outlook-mail-flow", incidents: _incidents);
        await harness.Flow()
            .Send("outbox").AssertReplyContains("Mail delays for some users")
            .Send("my problem is different").AssertReplyContains("same checks").AssertReplyContains("What's happening with your mail?")
            .Send("Mail is stuck in the Outbox").AssertReplyContains("Working Offline")
            .Send("no").AssertReplyContains("large attachment")
            .Send("no").AssertReplyContains("mailbox full")
            .Send("no").AssertReplyContains("Outlook on the web")
            .Send("no")
            .AssertReplyContains("pass this to the service desk")
            .StartTestAsync();

        Assert.Equal(1, (await _store.GetStatsAsync("INC-MAIL2", default)).Reports);
    }

    [Fact]
    public async Task Thanks_EndsWithoutTroubleshooting()
    {
        await CreateApiIncidentAsync("INC-PRN", "printing", "Print server down in London");
        var harness = TroubleshootingHarness.ForFlow("printer", incidents: _incidents);
        await harness.Flow()
            .Send("printer").AssertReplyContains("Print server down")
            .Send("ok thanks")
            .AssertReplyContains("IT is on it")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(SkillOutcome.Ended, Assert.Single(harness.Outcomes));
    }

    [Fact]
    public async Task RepeatedReports_CountedPerIncident_DistinctPeopleAndRepeats()
    {
        await CreateApiIncidentAsync("INC-WIFI", "wifi", "Wi-Fi down on floor 3");
        foreach (var user in new[] { "user1", "user2", "user1" })
        {
            var harness = TroubleshootingHarness.ForFlow("wifi", incidents: _incidents);
            var adapter = harness.Adapter;
            var activity = adapter.MakeActivity("wifi");
            activity.From = new Helpdesk.Bot.Core.Schema.ChannelAccount(user, user);
            await adapter.ProcessActivityAsync(activity, harness.OnTurnAsync);
        }

        var lastUser = TroubleshootingHarness.ForFlow("wifi", incidents: _incidents);
        var message = lastUser.Adapter.MakeActivity("wifi");
        message.From = new Helpdesk.Bot.Core.Schema.ChannelAccount("user3", "user3");
        await lastUser.Adapter.ProcessActivityAsync(message, lastUser.OnTurnAsync);

        Assert.Equal(new IncidentStats(3, 4, 0), await _store.GetStatsAsync("INC-WIFI", default));
        Assert.Contains("2 other people have reported it here too", lastUser.Adapter.TakeReplies().Last().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolvedIncident_NotShown()
    {
        WriteFeed("""[{"id": "INC1", "service": "vpn", "title": "Old VPN outage", "status": "resolved"}]""");
        var harness = TroubleshootingHarness.ForFlow("vpn", incidents: _incidents);
        await harness.Flow()
            .Send("vpn")
            .AssertReplyContains("I'll take you through the same checks")
            .AssertReplyContains("What's happening with the VPN?")
            .StartTestAsync();
    }

    [Fact]
    public async Task OtherService_NotShown()
    {
        await CreateApiIncidentAsync("INC-T", "teams", "Teams calls dropping");
        var harness = TroubleshootingHarness.ForFlow("vpn", incidents: _incidents);
        await harness.Flow()
            .Send("vpn").AssertReplyContains("same checks").AssertReplyContains("What's happening with the VPN?")
            .StartTestAsync();
    }

    [Fact]
    public async Task FeedFile_EditedWhileRunning_PickedUpWithoutRestart()
    {
        var harness = TroubleshootingHarness.ForFlow("vpn", incidents: _incidents);
        await harness.Flow().Send("vpn").AssertReplyContains("same checks").StartTestAsync();

        WriteFeed("""{"incidents": [{"id": "INC9", "service": "VPN", "title": "VPN gateway maintenance", "status": "monitoring"}]}""");
        var next = TroubleshootingHarness.ForFlow("vpn", incidents: _incidents);
        next.Adapter.Conversation.Conversation = new Helpdesk.Bot.Core.Schema.ConversationAccount("conversation2");
        await next.Flow().Send("vpn").AssertReplyContains("VPN gateway maintenance").StartTestAsync();
    }

    [Fact]
    public async Task CheckIncidentsAction_MidFlow_ShortCircuitsThere()
    {
        await CreateApiIncidentAsync("INC-EXO", "exchange-online", "Exchange Online: delays sending mail");
        var harness = TroubleshootingHarness.ForFlow("outlook-mail-flow", incidents: _incidents);
        await harness.Flow()
            .Send("outbox").AssertReplyContains("same checks").AssertReplyContains("What's happening with your mail?")
            .Send("Mail is stuck in the Outbox").AssertReplyContains("Working Offline")
            .Send("no").AssertReplyContains("large attachment")
            .Send("no").AssertReplyContains("mailbox full")
            .Send("no").AssertReplyContains("Outlook on the web")
            .Send("no")
            .AssertReplyContains("Exchange Online: delays sending mail")
            .Send("different")
            .AssertReplyContains("same checks")
            .AssertReplyContains("pass this to the service desk")
            .StartTestAsync();

        Assert.Equal(SkillOutcomeKind.Escalate, Assert.Single(harness.Outcomes).Kind);
    }

    [Fact]
    public async Task IncidentStoreDown_TroubleshootingStillRuns()
    {
        var broken = new KnownIncidents(new SqliteIncidentStore(new SqliteDatabase($"Data Source={_temp.Sub("missing/dir/x.db")};Mode=ReadOnly")), _time);
        var harness = TroubleshootingHarness.ForFlow("vpn", incidents: broken);
        await harness.Flow()
            .Send("vpn").AssertReplyContains("same checks").AssertReplyContains("What's happening with the VPN?")
            .StartTestAsync();

        Assert.Contains(harness.CaseFile.StepsTried, s => s.Step == "Known incidents for vpn could not be checked");
    }

    private void WriteFeed(string json)
    {
        var path = _temp.Sub("incidents.json");
        File.WriteAllText(path, json);

        // Make sure a rewrite within the file system's time resolution is still seen as a change.
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(Random.Shared.Next(1, 1000)));
    }

    private Task CreateApiIncidentAsync(string id, string service, string title) =>
        _store.TryCreateAsync(new Incident(id, service, title, IncidentStatus.Investigating, Now.AddMinutes(-20), null, null, IncidentSource.Api), default);
}
