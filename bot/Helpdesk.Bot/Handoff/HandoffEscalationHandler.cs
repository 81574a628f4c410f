using Helpdesk.Bot.Bots;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Skills.Cases;

namespace Helpdesk.Bot.Handoff;

/// <summary>The main dialog's escalation seam, served by the handoff (queue or hub).</summary>
internal sealed class HandoffEscalationHandler(HandoffService handoff) : IEscalationHandler
{
    public async Task<bool> EscalateAsync(ITurnContext turnContext, EscalationRequest request, CancellationToken cancellationToken) =>
        await handoff.StartAsync(turnContext, request, cancellationToken) is not null;
}
