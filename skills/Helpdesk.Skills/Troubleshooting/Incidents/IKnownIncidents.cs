namespace Helpdesk.Skills.Troubleshooting.Incidents;

/// <summary>What troubleshooting needs to know about incidents: which are active, and to count reports and subscriptions.</summary>
public interface IKnownIncidents
{
    /// <summary>Active incidents affecting any of <paramref name="services"/>, most recently updated first.</summary>
    Task<IReadOnlyList<Incident>> FindActiveAsync(IReadOnlyCollection<string> services, CancellationToken cancellationToken);

    /// <summary>Counts a report of <paramref name="incidentId"/> by <paramref name="reporter"/>; returns the new totals.</summary>
    Task<IncidentStats> RecordReportAsync(string incidentId, string reporter, CancellationToken cancellationToken);

    /// <summary>Stores a request for updates (one per user and incident; a repeat refreshes where to send them).</summary>
    Task SubscribeAsync(IncidentSubscription subscription, CancellationToken cancellationToken);
}
