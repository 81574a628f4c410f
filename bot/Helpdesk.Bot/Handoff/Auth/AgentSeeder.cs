using Helpdesk.Bot.Handoff.Store;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Handoff.Auth;

/// <summary>
/// At start: creates the handoff schema, adds configured local accounts, and — in the Development run only (or
/// when <c>Handoff:Console:SeedDemoAgents</c> is true) — the demo agent and supervisor. Existing accounts are kept.
/// </summary>
internal sealed class AgentSeeder(
    IHandoffStore store,
    IAgentStore agents,
    IOptions<AgentConsoleOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<AgentSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.EnsureCreatedAsync(cancellationToken);
        var console = options.Value;
        var now = time.GetUtcNow();
        foreach (var account in console.Accounts)
        {
            await agents.AddAgentIfMissingAsync(
                new AgentAccount(account.Username, string.IsNullOrWhiteSpace(account.DisplayName) ? account.Username : account.DisplayName, account.PasswordHash, account.Roles, now, null),
                cancellationToken);
        }

        if (console.SeedDemoAgents ?? environment.IsDevelopment())
        {
            await SeedAsync(DemoAgents.AgentUsername, DemoAgents.AgentDisplayName, DemoAgents.AgentPassword, [AgentRoles.Agent], now, cancellationToken);
            await SeedAsync(DemoAgents.SupervisorUsername, DemoAgents.SupervisorDisplayName, DemoAgents.SupervisorPassword, [AgentRoles.Agent, AgentRoles.Supervisor], now, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(string username, string displayName, string password, string[] roles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await agents.FindAgentAsync(username, cancellationToken) is not null)
        {
            return;
        }

        if (await agents.AddAgentIfMissingAsync(new AgentAccount(username, displayName, AgentPasswordHasher.Hash(password), roles, now, null), cancellationToken))
        {
            logger.LogWarning("Agent console: seeded the demo account '{Username}' (Development only; see the README)", username);
        }
    }
}
