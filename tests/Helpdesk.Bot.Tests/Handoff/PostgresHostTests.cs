using System.Net;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>The whole host on PostgreSQL (<c>Handoff:StoreProvider=PostgreSql</c>): escalation, concurrent claims from the console API, chat.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresHostTests(PostgresServer server)
{
    [SkippableFact]
    public async Task PostgresStore_TwoAgentsClaimAtOnce_ExactlyOneWinsAndChatFlows()
    {
        Skip.If(server.Unavailable is not null, server.Unavailable + ". Runs when installed (and always under CI=true).");
        await using var host = new HandoffTestHost(settings: new Dictionary<string, string?>
        {
            ["Handoff:StoreProvider"] = "PostgreSql",
            ["Handoff:ConnectionString"] = await server.CreateDatabaseAsync(),
        });
        var agent = await host.SignInAgentAsync();
        var supervisor = await host.SignInSupervisorAsync();
        var chat = await host.StartChatAsync();
        Assert.Contains("number 1", UserChat.Texts(await chat.SayAsync("agent now!!")), StringComparison.Ordinal);
        var caseId = await agent.SingleCaseIdAsync();

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? agent : supervisor).PostAsync($"/cases/{caseId}/claim")));

        Assert.Single(claims, c => c.Status == HttpStatusCode.OK);
        Assert.Equal(7, claims.Count(c => c.Status == HttpStatusCode.Conflict));
        var owner = (await agent.GetAsync($"/cases/{caseId}")).GetProperty("case").GetProperty("agentId").GetString();
        var winner = owner == "agent" ? agent : supervisor;
        Assert.Equal(HttpStatusCode.OK, (await winner.PostAsync($"/cases/{caseId}/messages", new { text = "Hello from PostgreSQL" })).Status);
        Assert.Contains("Hello from PostgreSQL", UserChat.Texts(await chat.ReadAsync()), StringComparison.Ordinal);
    }
}
