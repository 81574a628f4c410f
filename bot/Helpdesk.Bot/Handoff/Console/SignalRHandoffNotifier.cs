using Helpdesk.Bot.Handoff.Store;
using Microsoft.AspNetCore.SignalR;

namespace Helpdesk.Bot.Handoff.Console;

/// <summary>Pushes queue and case changes to every open console over SignalR.</summary>
internal sealed class SignalRHandoffNotifier(IHubContext<AgentHub> hub) : IHandoffNotifier
{
    public Task QueueChangedAsync(CancellationToken cancellationToken) =>
        hub.Clients.Group(AgentHub.AgentsGroup).SendAsync(AgentHub.QueueChanged, cancellationToken);

    public Task CaseChangedAsync(long caseId, CancellationToken cancellationToken) =>
        hub.Clients.Group(AgentHub.AgentsGroup).SendAsync(AgentHub.CaseChanged, caseId, cancellationToken);

    public Task MessageAddedAsync(HandoffMessage message, CancellationToken cancellationToken) =>
        hub.Clients.Group(AgentHub.AgentsGroup).SendAsync(AgentHub.CaseMessage, AgentConsoleApi.ToMessage(message), cancellationToken);
}
