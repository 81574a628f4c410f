using Helpdesk.Bot.Core.Turns;
using Helpdesk.Skills.Cases;

namespace Helpdesk.Bot.Bots;

/// <summary>What the main dialog calls when a skill ends with <see cref="SkillOutcomeKind.Escalate"/> (the handoff).</summary>
internal interface IEscalationHandler
{
    /// <summary>Starts the handoff; false when it could not (the dialog then gives the service desk's contacts).</summary>
    Task<bool> EscalateAsync(ITurnContext turnContext, EscalationRequest request, CancellationToken cancellationToken);
}
