using System.Net;
using System.Text.Json;
using Helpdesk.Bot.Handoff.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>The whole handoff over the real host: a Direct Line user escalates, an agent claims, they chat, the agent resolves, the user rates it.</summary>
public sealed class HandoffFlowTests
{
    [Fact]
    public async Task TalkToPerson_AgentClaimsChatsAndResolves_UserGetsRelayedMessagesAndCsatIsStored()
    {
        await using var host = new HandoffTestHost();
        var agent = await host.SignInAgentAsync();
        var chat = await host.StartChatAsync();

        var asked = await chat.SayAsync("talk to a human");
        Assert.Contains("what do you need help with", UserChat.Texts(asked), StringComparison.OrdinalIgnoreCase);

        var queued = UserChat.Texts(await chat.SayAsync("My VPN keeps disconnecting every five minutes since this morning"));
        Assert.Contains("number 1", queued, StringComparison.Ordinal);
        Assert.Contains("HD-000001", queued, StringComparison.Ordinal);

        var queue = await agent.QueueAsync();
        var item = Assert.Single(queue.GetProperty("cases").EnumerateArray());
        Assert.Equal("waiting", item.GetProperty("status").GetString());
        Assert.Equal("P3", item.GetProperty("priority").GetString());
        Assert.Contains("VPN keeps disconnecting", item.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, item.GetProperty("position").GetInt32());
        var caseId = item.GetProperty("id").GetInt64();

        var (claimed, _) = await agent.PostAsync($"/cases/{caseId}/claim");
        Assert.Equal(HttpStatusCode.OK, claimed);
        Assert.Contains("Sam Rivera", UserChat.Texts(await chat.ReadAsync()), StringComparison.Ordinal);

        var (sent, _) = await agent.PostAsync($"/cases/{caseId}/messages", new { text = "Hi Alex, which VPN client version do you have?" });
        Assert.Equal(HttpStatusCode.OK, sent);
        var relayed = Assert.Single(await chat.ReadAsync());
        Assert.Equal("**Sam Rivera:** Hi Alex, which VPN client version do you have?", relayed.GetProperty("text").GetString());

        // The user's answer goes to the agent; the bot stays quiet.
        Assert.Empty(await chat.SayAsync("Version 5.1, it says error 809"));
        var detail = await agent.GetAsync($"/cases/{caseId}");
        var messages = detail.GetProperty("messages").EnumerateArray().ToList();
        Assert.Contains(messages, m => m.GetProperty("kind").GetString() == "user" && m.GetProperty("text").GetString() == "Version 5.1, it says error 809");
        Assert.Contains(messages, m => m.GetProperty("kind").GetString() == "agent");
        Assert.Contains(detail.GetProperty("transcript").EnumerateArray(), l => l.GetProperty("from").GetString() == "user" && l.GetProperty("text").GetString()!.Contains("VPN keeps", StringComparison.Ordinal));

        var (note, _) = await agent.PostAsync($"/cases/{caseId}/notes", new { text = "Known issue with 5.1, upgrade fixes it" });
        Assert.Equal(HttpStatusCode.OK, note);
        Assert.Empty(await chat.ReadAsync());

        var (resolved, _) = await agent.PostAsync($"/cases/{caseId}/resolve", new { note = "Upgrade the VPN client to 5.2 from the Company Portal." });
        Assert.Equal(HttpStatusCode.OK, resolved);
        var closing = await chat.ReadAsync();
        Assert.Contains("Upgrade the VPN client to 5.2", UserChat.Texts(closing), StringComparison.Ordinal);
        var csat = closing.Last();
        Assert.Contains("How satisfied", csat.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(["1", "2", "3", "4", "5"], csat.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("value").GetString()));

        Assert.Contains("Thank you", UserChat.Texts(await chat.SayAsync("5")), StringComparison.Ordinal);
        var closed = Assert.Single((await agent.GetAsync("/closed")).EnumerateArray());
        Assert.Equal(5, closed.GetProperty("csat").GetInt32());
        Assert.Equal("resolved", closed.GetProperty("status").GetString());

        // Back with the bot.
        Assert.NotEmpty(await chat.SayAsync("hi"));
        Assert.Empty((await agent.QueueAsync()).GetProperty("cases").EnumerateArray());
    }

    [Fact]
    public async Task Waiting_UserAddsInformationThenCancels_InfoKeptSecretsRedactedAndCaseCancelled()
    {
        await using var host = new HandoffTestHost();
        var agent = await host.SignInAgentAsync();
        var chat = await host.StartChatAsync();
        await chat.SayAsync("I need a real person now please");
        var caseId = await agent.SingleCaseIdAsync();

        Assert.Contains("added that to your request", UserChat.Texts(await chat.SayAsync("my password is Hunter2!xyz and it fails")), StringComparison.Ordinal);
        var messages = (await agent.GetAsync($"/cases/{caseId}")).GetProperty("messages").EnumerateArray().ToList();
        var added = Assert.Single(messages, m => m.GetProperty("kind").GetString() == "user");
        Assert.DoesNotContain("Hunter2", added.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("[redacted]", added.GetProperty("text").GetString(), StringComparison.Ordinal);

        var transcript = await host.Services.GetRequiredService<ITranscriptStore>().ReadAsync("directline/" + chat.ConversationId, 100, CancellationToken.None);
        Assert.NotEmpty(transcript);
        Assert.DoesNotContain(transcript, e => e.ActivityJson.Contains("Hunter2", StringComparison.Ordinal));

        Assert.Contains("cancelled", UserChat.Texts(await chat.SayAsync("stop waiting")), StringComparison.Ordinal);
        Assert.Empty((await agent.QueueAsync()).GetProperty("cases").EnumerateArray());
        var (claim, problem) = await agent.PostAsync($"/cases/{caseId}/claim");
        Assert.Equal(HttpStatusCode.Conflict, claim);
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task NoAgentOnline_Escalation_TicketAndPromiseOfWhenTheyHearBack()
    {
        await using var host = new HandoffTestHost();
        var chat = await host.StartChatAsync();

        var text = UserChat.Texts(await chat.SayAsync("agent now!!"));

        Assert.Contains("No agent is online", text, StringComparison.Ordinal);
        Assert.Contains("HD-000001", text, StringComparison.Ordinal);
        Assert.Contains("get back to you by", text, StringComparison.Ordinal);
        var handoff = Assert.Single(await host.Services.GetRequiredService<IHandoffStore>().ListOpenAsync(CancellationToken.None));
        Assert.True(handoff.Offline);
        Assert.Equal(HandoffStatus.Waiting, handoff.Status);
    }

    [Fact]
    public async Task OutsideBusinessHours_Escalation_ToldWhenTheDeskOpens()
    {
        // Saturday 10:00 UTC; the desk works Mon–Fri 08:00–17:00 UTC.
        await using var host = new HandoffTestHost(
            time: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 10, 10, 0, 0, TimeSpan.Zero)),
            settings: new Dictionary<string, string?>
            {
                ["Handoff:BusinessHours:AlwaysOpen"] = "false",
                ["Handoff:BusinessHours:Open"] = "08:00:00",
                ["Handoff:BusinessHours:Close"] = "17:00:00",
            });
        await host.SignInAgentAsync();
        var chat = await host.StartChatAsync();

        var text = UserChat.Texts(await chat.SayAsync("human please, right away"));

        Assert.Contains("closed right now", text, StringComparison.Ordinal);
        // Monday 08:00 + the P3 target of 2 h.
        Assert.Contains("Mon 12 Jan, 10:00", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitingUsers_QueueMovesOn_PositionUpdateSentProactively()
    {
        await using var host = new HandoffTestHost();
        var agent = await host.SignInAgentAsync();
        var first = await host.StartChatAsync("user-1", "First User");
        var second = await host.StartChatAsync("user-2", "Second User");
        await first.SayAsync("agent now!!");
        Assert.Contains("number 2", UserChat.Texts(await second.SayAsync("agent now!!")), StringComparison.Ordinal);
        var firstId = (await agent.QueueAsync()).GetProperty("cases").EnumerateArray().First().GetProperty("id").GetInt64();

        await agent.PostAsync($"/cases/{firstId}/claim");
        await host.Services.GetRequiredService<Helpdesk.Bot.Handoff.HandoffQueueMonitor>().TickAsync(CancellationToken.None);

        Assert.Contains("now **number 1**", UserChat.Texts(await second.ReadAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transfer_ToSupervisorThenBackToQueue_OwnershipMovesAndOnlyOwnerMaySend()
    {
        await using var host = new HandoffTestHost();
        var agent = await host.SignInAgentAsync();
        var supervisor = await host.SignInSupervisorAsync();
        var chat = await host.StartChatAsync();
        await chat.SayAsync("agent now!!");
        var caseId = await agent.SingleCaseIdAsync();
        await agent.PostAsync($"/cases/{caseId}/claim");

        var (transferred, item) = await agent.PostAsync($"/cases/{caseId}/transfer", new { toAgent = "supervisor", note = "Needs approval" });
        Assert.Equal(HttpStatusCode.OK, transferred);
        Assert.Equal("supervisor", item.GetProperty("agentId").GetString());
        Assert.Contains("transferred to **Jordan Lee**", UserChat.Texts(await chat.ReadAsync()), StringComparison.Ordinal);
        var (notMine, _) = await agent.PostAsync($"/cases/{caseId}/messages", new { text = "hello?" });
        Assert.Equal(HttpStatusCode.Forbidden, notMine);

        var (back, queued) = await supervisor.PostAsync($"/cases/{caseId}/transfer", new { toAgent = (string?)null });
        Assert.Equal(HttpStatusCode.OK, back);
        Assert.Equal("waiting", queued.GetProperty("status").GetString());
        var (again, _) = await agent.PostAsync($"/cases/{caseId}/claim");
        Assert.Equal(HttpStatusCode.OK, again);
    }

    [Fact]
    public async Task ReturnToBot_AgentHandsBack_BotAnswersAgain()
    {
        await using var host = new HandoffTestHost();
        var agent = await host.SignInAgentAsync();
        var chat = await host.StartChatAsync();
        await chat.SayAsync("agent now!!");
        var caseId = await agent.SingleCaseIdAsync();
        await agent.PostAsync($"/cases/{caseId}/claim");
        await chat.ReadAsync();

        var (returned, _) = await agent.PostAsync($"/cases/{caseId}/return", new { note = "Try the password reset in the bot" });

        Assert.Equal(HttpStatusCode.OK, returned);
        Assert.Contains("handed you back", UserChat.Texts(await chat.ReadAsync()), StringComparison.Ordinal);
        Assert.Contains("What can I help you with", UserChat.Texts(await chat.SayAsync("menu")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentApi_BadInput_ProblemDetailsNotFailures()
    {
        await using var host = new HandoffTestHost();
        var agent = await host.SignInAgentAsync();

        var (empty, problem) = await agent.PostAsync("/cases/1/messages", new { text = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty);
        Assert.Equal("Empty message", problem.GetProperty("title").GetString());
        var (missing, _) = await agent.PostAsync("/cases/999/claim");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        var (tooLong, _) = await agent.PostAsync("/cases/1/notes", new { text = new string('x', 5000) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong);
        using var malformed = new HttpRequestMessage(HttpMethod.Get, "/agent/api/cases/1");
        using var response = await agent.Browser.SendAsync(malformed);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        _ = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
