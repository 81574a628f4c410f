namespace Helpdesk.Skills.Troubleshooting.Incidents;

/// <summary>
/// Where incidents created through the admin API live, with the report counts and update subscriptions of every
/// incident (feed ones included): SQLite normally (<see cref="SqliteIncidentStore"/>), memory in tests.
/// </summary>
public interface IIncidentStore
{
    /// <summary>The stored incidents, newest update first; resolved ones only when asked.</summary>
    Task<IReadOnlyList<Incident>> ListAsync(bool includeResolved, CancellationToken cancellationToken);

    /// <summary>The stored incident <paramref name="id"/> (case-insensitive), or null.</summary>
    Task<Incident?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="incident"/>; false when one with its id exists.</summary>
    Task<bool> TryCreateAsync(Incident incident, CancellationToken cancellationToken);

    /// <summary>Replaces the stored incident with the same id; false when there is none.</summary>
    Task<bool> UpdateAsync(Incident incident, CancellationToken cancellationToken);

    /// <summary>Counts one report by <paramref name="reporter"/> and returns the incident's totals.</summary>
    Task<IncidentStats> RecordReportAsync(string incidentId, string reporter, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Report and subscription totals of <paramref name="incidentId"/>.</summary>
    Task<IncidentStats> GetStatsAsync(string incidentId, CancellationToken cancellationToken);

    /// <summary>Stores (or refreshes) a subscription: one per user and incident; a repeat opens it again.</summary>
    Task SubscribeAsync(IncidentSubscription subscription, CancellationToken cancellationToken);

    /// <summary>Every subscription not yet <see cref="IncidentSubscription.Closed"/>, oldest first (what may need an update).</summary>
    Task<IReadOnlyList<IncidentSubscription>> OpenSubscriptionsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records that the subscriber was told <paramref name="version"/> (and, with <paramref name="closed"/>, that no more
    /// updates follow) — only while the stored version is still <paramref name="expectedVersion"/>. True for the one
    /// caller that wins, so an update is sent once even when several dispatchers race.
    /// </summary>
    Task<bool> TryMarkNotifiedAsync(string incidentId, string reporter, string? expectedVersion, string? version, bool closed, CancellationToken cancellationToken);

    /// <summary>Everyone waiting for updates on <paramref name="incidentId"/>, oldest first.</summary>
    Task<IReadOnlyList<IncidentSubscription>> SubscriptionsAsync(string incidentId, CancellationToken cancellationToken);
}
