namespace Helpdesk.Skills.Troubleshooting.Incidents;

/// <summary>
/// Told when an incident changes (admin API update or resolve), with the users who asked for updates. Proactive
/// delivery plugs in here; the default only logs how many people are waiting.
/// </summary>
public interface IIncidentUpdateNotifier
{
    Task IncidentChangedAsync(Incident incident, IReadOnlyList<IncidentSubscription> subscribers, CancellationToken cancellationToken);
}
