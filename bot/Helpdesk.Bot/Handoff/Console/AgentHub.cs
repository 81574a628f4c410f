using Helpdesk.Bot.Handoff.Auth;
using Helpdesk.Bot.Handoff.Store;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Helpdesk.Bot.Handoff.Console;

/// <summary>
/// The console's live channel (<c>/agent/hub</c>, agents only). The server pushes <c>queueChanged</c>,
/// <c>caseChanged(caseId)</c> and <c>caseMessage(message)</c>; the console calls <c>Heartbeat()</c> so the agent
/// counts as online (presence is kept in the store, so it holds across instances).
/// </summary>
[Authorize(Policy = AgentRoles.AgentPolicy)]
internal sealed class AgentHub(IAgentStore agents, TimeProvider time) : Hub
{
    public const string AgentsGroup = "agents";
    public const string QueueChanged = "queueChanged";
    public const string CaseChanged = "caseChanged";
    public const string CaseMessage = "caseMessage";

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, AgentsGroup);
        await HeartbeatAsync();
        await base.OnConnectedAsync();
    }

    /// <summary>Marks the agent online (the console calls it every 30 s).</summary>
    [HubMethodName("Heartbeat")]
    public Task HeartbeatAsync()
    {
        var agent = AgentClaims.ToAgent(Context.User!);
        return agent is null ? Task.CompletedTask : agents.TouchAgentAsync(agent.Username, time.GetUtcNow(), Context.ConnectionAborted);
    }
}
