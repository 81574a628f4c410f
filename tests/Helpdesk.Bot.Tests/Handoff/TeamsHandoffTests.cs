using System.Net;
using Helpdesk.Bot.Bots;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>
/// The handoff on a Bot Framework channel (a Teams-shaped conversation through <c>/api/messages</c>): the agent's
/// messages reach the user's own Teams conversation through the Bot Connector (proactive SendToConversation),
/// and the user's replies reach the agent while the bot stays quiet.
/// </summary>
public sealed class TeamsHandoffTests
{
    [Fact]
    public async Task TeamsUser_AgentClaimsAndWrites_MessagesPostedToTheTeamsConversation()
    {
        using var factory = BotFrameworkTestFactory.Anonymous();
        factory.Settings["Handoff:Console:SeedDemoAgents"] = "true";
        factory.Settings["Handoff:BusinessHours:AlwaysOpen"] = "true";
        await using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(s => s.AddSingleton<IBot, HelpdeskBot>()));
        var agent = await HandoffTestHost.SignInAsync(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), "agent", "Agent-Demo-2026!");
        using var client = app.CreateClient();

        using var escalate = await client.PostAsync("/api/messages", Json(BotFrameworkTestFactory.TeamsMessage("agent now!!")));
        Assert.Equal(HttpStatusCode.OK, escalate.StatusCode);
        var queued = await factory.Cloud.WaitForConnectorRequestsAsync(2);
        Assert.Contains(queued, r => r.Activity.Text?.Contains("number 1", StringComparison.Ordinal) == true);

        var caseId = await agent.SingleCaseIdAsync();
        Assert.Equal("msteams", (await agent.QueueAsync()).GetProperty("cases")[0].GetProperty("channelId").GetString());
        await agent.PostAsync($"/cases/{caseId}/claim");
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync($"/cases/{caseId}/messages", new { text = "Hi Ada, I'm on it." })).Status);

        var all = await factory.Cloud.WaitForConnectorRequestsAsync(queued.Length + 2);
        var relayed = all.Single(r => r.Activity.Text == "**Sam Rivera:** Hi Ada, I'm on it.");
        Assert.Equal(HttpMethod.Post, relayed.Method);
        Assert.Equal(BotFrameworkFakeCloud.ServiceUrl + "v3/conversations/" + Uri.EscapeDataString(BotFrameworkTestFactory.TeamsConversationId) + "/activities", relayed.Uri.AbsoluteUri);
        Assert.Equal("29:user-1", relayed.Activity.Recipient!.Id);
        Assert.Null(relayed.Activity.ReplyToId);

        var before = factory.Cloud.ConnectorRequests.Count;
        var reply = BotFrameworkTestFactory.TeamsMessage("Thanks, it's the VPN again");
        reply["id"] = "act-2";
        using var relay = await client.PostAsync("/api/messages", Json(reply));
        Assert.Equal(HttpStatusCode.OK, relay.StatusCode);
        Assert.Equal(before, factory.Cloud.ConnectorRequests.Count);
        var messages = (await agent.GetAsync($"/cases/{caseId}")).GetProperty("messages").EnumerateArray();
        Assert.Contains(messages, m => m.GetProperty("kind").GetString() == "user" && m.GetProperty("text").GetString() == "Thanks, it's the VPN again");
    }

    private static StringContent Json(System.Text.Json.Nodes.JsonNode node) => new(node.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
