using Helpdesk.Skills.Troubleshooting.Incidents;

namespace Helpdesk.Bot.Incidents;

/// <summary>
/// The <see cref="IIncidentUpdateNotifier"/> the admin API calls after a change: it only wakes the
/// <see cref="IncidentNotificationDispatcher"/>, so the admin's request never waits on delivering messages.
/// </summary>
internal sealed class ProactiveIncidentNotifier(IncidentNotificationDispatcher dispatcher) : IIncidentUpdateNotifier
{
    public Task IncidentChangedAsync(Incident incident, IReadOnlyList<IncidentSubscription> subscribers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        dispatcher.Wake();
        return Task.CompletedTask;
    }
}
