using Helpdesk.Bot.Handoff.Store;

namespace Helpdesk.Bot.Handoff;

/// <summary>Tells open agent consoles what changed (SignalR in the host).</summary>
internal interface IHandoffNotifier
{
    /// <summary>The queue changed (new, claimed, closed case): consoles reload it.</summary>
    Task QueueChangedAsync(CancellationToken cancellationToken);

    /// <summary>A case changed (status, agent): consoles showing it reload it.</summary>
    Task CaseChangedAsync(long caseId, CancellationToken cancellationToken);

    /// <summary>A message was added to a case (user, agent, note, system).</summary>
    Task MessageAddedAsync(HandoffMessage message, CancellationToken cancellationToken);
}
