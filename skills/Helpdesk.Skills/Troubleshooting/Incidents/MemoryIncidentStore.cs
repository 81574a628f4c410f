namespace Helpdesk.Skills.Troubleshooting.Incidents;

/// <summary>The incident store in memory (<c>Storage:Provider=Memory</c>): lost on restart.</summary>
public sealed class MemoryIncidentStore : IIncidentStore
{
    private readonly System.Threading.Lock _lock = new();
    private readonly Dictionary<string, Incident> _incidents = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Incident, string Reporter), int> _reports = [];
    private readonly Dictionary<(string Incident, string Reporter), IncidentSubscription> _subscriptions = [];

    public Task<IReadOnlyList<Incident>> ListAsync(bool includeResolved, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Incident>>([.. _incidents.Values
                .Where(i => includeResolved || i.IsActive)
                .OrderByDescending(i => i.Updated)
                .ThenBy(i => i.Id, StringComparer.Ordinal)]);
        }
    }

    public Task<Incident?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_incidents.GetValueOrDefault(id));
        }
    }

    public Task<bool> TryCreateAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        lock (_lock)
        {
            return Task.FromResult(_incidents.TryAdd(incident.Id, incident with { Source = IncidentSource.Api }));
        }
    }

    public Task<bool> UpdateAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        lock (_lock)
        {
            if (!_incidents.TryGetValue(incident.Id, out var existing))
            {
                return Task.FromResult(false);
            }

            _incidents[incident.Id] = incident with { Id = existing.Id, Source = IncidentSource.Api };
            return Task.FromResult(true);
        }
    }

    public Task<IncidentStats> RecordReportAsync(string incidentId, string reporter, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var key = (Key(incidentId), reporter);
            _reports[key] = _reports.GetValueOrDefault(key) + 1;
            return Task.FromResult(Stats(incidentId));
        }
    }

    public Task<IncidentStats> GetStatsAsync(string incidentId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Stats(incidentId));
        }
    }

    public Task SubscribeAsync(IncidentSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (_lock)
        {
            _subscriptions[(Key(subscription.IncidentId), subscription.Reporter)] = subscription;
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<IncidentSubscription>> SubscriptionsAsync(string incidentId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var key = Key(incidentId);
            return Task.FromResult<IReadOnlyList<IncidentSubscription>>([.. _subscriptions
                .Where(s => string.Equals(s.Key.Incident, key, StringComparison.Ordinal))
                .Select(s => s.Value)
                .OrderBy(s => s.SubscribedAt)
                .ThenBy(s => s.Reporter, StringComparer.Ordinal)]);
        }
    }

    public Task<IReadOnlyList<IncidentSubscription>> OpenSubscriptionsAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<IncidentSubscription>>([.. _subscriptions.Values
                .Where(s => !s.Closed)
                .OrderBy(s => s.SubscribedAt)
                .ThenBy(s => s.Reporter, StringComparer.Ordinal)]);
        }
    }

    public Task<bool> TryMarkNotifiedAsync(string incidentId, string reporter, string? expectedVersion, string? version, bool closed, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var key = (Key(incidentId), reporter);
            if (!_subscriptions.TryGetValue(key, out var current) || current.Closed || !string.Equals(current.NotifiedVersion, expectedVersion, StringComparison.Ordinal))
            {
                return Task.FromResult(false);
            }

            _subscriptions[key] = current with { NotifiedVersion = version, Closed = closed };
            return Task.FromResult(true);
        }
    }

    private static string Key(string incidentId) => incidentId.ToUpperInvariant();

    private IncidentStats Stats(string incidentId)
    {
        var key = Key(incidentId);
        var reports = _reports.Where(r => string.Equals(r.Key.Incident, key, StringComparison.Ordinal)).ToList();
        return new IncidentStats(reports.Count, reports.Sum(r => r.Value), _subscriptions.Keys.Count(k => string.Equals(k.Incident, key, StringComparison.Ordinal)));
    }
}
