using System.Text.Json;
using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Testing;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Bot.Handoff;
using Helpdesk.Bot.Handoff.Store;
using Helpdesk.Bot.Hosting;
using Helpdesk.Skills.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>
/// The context package and the Bot Framework handoff protocol, with case files and skill outcomes built by the test
/// (as the troubleshooting and password-reset skills will produce them), on a test channel wired to the host's pipeline.
/// </summary>
public sealed class ContextPackageTests
{
    private const string Escalate = "please escalate";

    [Fact]
    public async Task StartAsync_FullCaseFile_ContextHasIdentityStepsArticlesErrorSummaryAndNoSecrets()
    {
        await using var host = NewHost();
        await host.SignInAgentAsync();
        var adapter = Attach(host);
        await new TestFlow(adapter, Callback(host))
            .Send("my vpn keeps dropping every few minutes at home")
            .Send(Escalate)
            .AssertReplyContains("number 1")
            .StartTestAsync();

        var handoff = Assert.Single(await host.Services.GetRequiredService<IHandoffStore>().ListOpenAsync(CancellationToken.None));
        var context = JsonDocument.Parse(handoff.ContextJson).RootElement;
        Assert.Equal("alex@contoso.example", context.GetProperty("user").GetProperty("account").GetString());
        Assert.True(context.GetProperty("user").GetProperty("verified").GetBoolean());
        Assert.Equal("totp", context.GetProperty("user").GetProperty("verificationMethod").GetString());
        Assert.Equal("test", context.GetProperty("channel").GetProperty("channelId").GetString());
        Assert.Equal("en-US", context.GetProperty("locale").GetString());
        Assert.Equal("network/vpn", context.GetProperty("category").GetString());
        Assert.Equal("P2", context.GetProperty("priority").GetString());
        Assert.Equal("FlowEscalated", context.GetProperty("trigger").GetString());
        var step = Assert.Single(context.GetProperty("stepsTried").EnumerateArray());
        Assert.Equal("Reinstall the VPN client", step.GetProperty("step").GetString());
        Assert.Equal("Done, still drops", step.GetProperty("answer").GetString());
        var article = Assert.Single(context.GetProperty("articlesShown").EnumerateArray());
        Assert.False(article.GetProperty("helped").GetBoolean());
        Assert.StartsWith("Error 809", context.GetProperty("errorText").GetString(), StringComparison.Ordinal);
        var summary = context.GetProperty("summary").GetString()!;
        Assert.Contains("VPN still drops after reinstalling the client", summary, StringComparison.Ordinal);
        Assert.Contains("\"my vpn keeps dropping every few minutes at home\"", summary, StringComparison.Ordinal);
        Assert.Contains("Error 809", summary, StringComparison.Ordinal);
        Assert.Contains("verified (totp)", summary, StringComparison.Ordinal);
        Assert.Contains("1 article shown (1 not helpful)", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Sup3rSecret", handoff.ContextJson, StringComparison.Ordinal);
        Assert.Contains(RedactionMarker.Text, handoff.ContextJson, StringComparison.Ordinal);
        Assert.Equal(handoff.CreatedAt.AddMinutes(30), handoff.SlaDueAt);
        Assert.True(context.GetProperty("transcriptActivities").GetInt32() >= 2);
    }

    [Fact]
    public async Task HubMode_Escalation_EmitsHandoffInitiateThenFollowsHandoffStatus()
    {
        await using var host = NewHost(new Dictionary<string, string?> { ["Handoff:Mode"] = "Hub" });
        var adapter = Attach(host);
        var store = host.Services.GetRequiredService<IHandoffStore>();
        await new TestFlow(adapter, Callback(host))
            .Send("my vpn keeps dropping every few minutes at home")
            .Send(Escalate)
            .AssertReply(
                activity =>
                {
                    Assert.Equal(ActivityTypes.Event, activity.Type);
                    Assert.Equal("handoff.initiate", activity.Name);
                    var value = JsonSerializer.SerializeToElement(activity.Value);
                    Assert.Equal("network/vpn", value.GetProperty("category").GetString());
                    Assert.Contains("VPN still drops", value.GetProperty("summary").GetString(), StringComparison.Ordinal);
                    var transcript = Assert.Single(activity.Attachments!);
                    Assert.Equal("Transcript", transcript.Name);
                    Assert.Equal("application/json", transcript.ContentType);
                    var activities = JsonSerializer.SerializeToElement(transcript.Content).GetProperty("activities").EnumerateArray().ToList();
                    Assert.Contains(activities, a => a.GetProperty("text").GetString() == "my vpn keeps dropping every few minutes at home");
                    Assert.DoesNotContain(activities, a => a.GetRawText().Contains("Sup3rSecret", StringComparison.Ordinal));
                },
                "handoff.initiate")
            .AssertReplyContains("connecting you to an agent")
            .Send(HubStatus("accepted"))
            .AssertReplyContains("accepted your request")
            .Send("are you there?")
            .AssertNoReply()
            .Send(HubStatus("completed"))
            .AssertReplyContains("back with the assistant")
            .StartTestAsync();

        Assert.Empty(await store.ListOpenAsync(CancellationToken.None));
        var closed = Assert.Single(await store.ListClosedAsync(5, CancellationToken.None));
        Assert.Equal(HandoffStatus.Returned, closed.Status);
    }

    [Fact]
    public async Task HubMode_HubFails_FallsBackToTheBuiltInQueue()
    {
        await using var host = NewHost(new Dictionary<string, string?> { ["Handoff:Mode"] = "Hub" });
        var adapter = Attach(host);
        await new TestFlow(adapter, Callback(host))
            .Send(Escalate)
            .AssertReply(a => Assert.Equal("handoff.initiate", a.Name), "handoff.initiate")
            .AssertReplyContains("connecting you")
            .Send(HubStatus("failed"))
            .AssertReplyContains("put you in our own queue")
            .StartTestAsync();

        var handoff = Assert.Single(await host.Services.GetRequiredService<IHandoffStore>().ListOpenAsync(CancellationToken.None));
        Assert.Equal(HandoffStatus.Waiting, handoff.Status);
    }

    [Fact]
    public void Summarize_NoiseOnly_ReasonAndFacts()
    {
        var summary = HandoffSummarizer.Summarize(
            "The user asked for a person.",
            [new TranscriptLine("user", "A", "agent", DateTimeOffset.UnixEpoch), new TranscriptLine("user", "A", "hi", DateTimeOffset.UnixEpoch)],
            null,
            new HandoffUser("u", "A", null, "alex@contoso.example", false, null),
            [],
            []);

        Assert.Equal("The user asked for a person. Identity alex@contoso.example NOT verified.", summary);
    }

    private static HandoffTestHost NewHost(Dictionary<string, string?>? settings = null) =>
        new(settings: settings, services: s => s.AddProactiveAdapter<TestAdapter>("test"));

    private static TestAdapter Attach(HandoffTestHost host)
    {
        var adapter = new TestAdapter(timeProvider: host.Time);
        host.Services.GetRequiredService<TurnPipeline>().Attach(adapter);
        return adapter;
    }

    private static Activity HubStatus(string state) => new()
    {
        Type = ActivityTypes.Event,
        Name = "handoff.status",
        Value = JsonSerializer.SerializeToElement(new { state, message = "from the hub" }),
    };

    /// <summary>The "bot": on <see cref="Escalate"/> it fills the case file as skills do and escalates, as MainDialog does on a skill's Escalate outcome.</summary>
    private static BotCallbackHandler Callback(HandoffTestHost host) => async (turn, ct) =>
    {
        if (turn.Activity.Text != Escalate)
        {
            return;
        }

        var at = host.Time.GetUtcNow();
        var caseFile = await host.Services.GetRequiredService<CaseFileAccessor>().GetAsync(turn, ct);
        caseFile.Identity = new CaseIdentity("alex@contoso.example", true, "totp");
        caseFile.Category = "network/vpn";
        caseFile.AddStep("troubleshooting:vpn", "Reinstall the VPN client", "Done, still drops", at);
        caseFile.AddArticle("vpn-keeps-disconnecting", "VPN keeps disconnecting", "vpn drops", at);
        caseFile.SetArticleFeedback("vpn-keeps-disconnecting", false, at);
        caseFile.Capture("error_message", "Error 809 (password: Sup3rSecret)", at);
        var outcome = SkillOutcome.Escalate(new EscalationRequest(EscalationTrigger.FlowEscalated, "network/vpn", TicketPriority.P2, "VPN still drops after reinstalling the client"));
        await host.Services.GetRequiredService<HandoffService>().StartAsync(turn, outcome.Escalation!, ct);
    };
}
