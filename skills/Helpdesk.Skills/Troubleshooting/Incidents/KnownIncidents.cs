namespace Helpdesk.Skills.Troubleshooting.Incidents;

/// <summary>
/// The incidents the bot knows: the feed file's (if configured) and the admin API's, with report counting and
/// update subscriptions kept in SQLite for both.
/// </summary>
public sealed class KnownIncidents(IIncidentStore store, TimeProvider time, IncidentFileFeed? feed = null) : IKnownIncidents
{
    /// <summary>The feed file, when configured.</summary>
    public IncidentFileFeed? Feed { get; } = feed;

    /// <summary>The store of API incidents, reports and subscriptions.</summary>
    public IIncidentStore Store { get; } = store ?? throw new ArgumentNullException(nameof(store));

    public async Task<IReadOnlyList<Incident>> FindActiveAsync(IReadOnlyCollection<string> services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Count == 0)
        {
            return [];
        }

        var all = await ListAsync(includeResolved: false, cancellationToken);
        return [.. all.Where(i => i.Affects(services))];
    }

    /// <summary>Every incident (feed first on an id clash), most recently updated first.</summary>
    public async Task<IReadOnlyList<Incident>> ListAsync(bool includeResolved, CancellationToken cancellationToken)
    {
        var stored = await Store.ListAsync(includeResolved, cancellationToken);
        var fromFeed = (Feed?.Current ?? []).Where(i => includeResolved || i.IsActive).ToList();
        var feedIds = fromFeed.Select(i => i.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. fromFeed.Concat(stored.Where(i => !feedIds.Contains(i.Id)))
            .OrderByDescending(i => i.Updated)
            .ThenBy(i => i.Id, StringComparer.Ordinal)];
    }

    /// <summary>The incident <paramref name="id"/> from the feed or the store, or null.</summary>
    public async Task<Incident?> FindAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Feed?.Current.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase))
            ?? await Store.GetAsync(id, cancellationToken);
    }

    public Task<IncidentStats> RecordReportAsync(string incidentId, string reporter, CancellationToken cancellationToken) =>
        Store.RecordReportAsync(incidentId, reporter, time.GetUtcNow(), cancellationToken);

    /// <summary>Stores the subscription as of the incident's current version: the user has just been told about it.</summary>
    public async Task SubscribeAsync(IncidentSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var current = subscription.NotifiedVersion is null ? await FindAsync(subscription.IncidentId, cancellationToken) : null;
        await Store.SubscribeAsync(
            subscription with { NotifiedVersion = subscription.NotifiedVersion ?? (current is null ? null : IncidentVersion.Of(current)), Closed = false },
            cancellationToken);
    }
}
