using Helpdesk.Skills.Troubleshooting.Incidents;

namespace Helpdesk.Bot.Tests.Incidents;

/// <summary>Remembers every change the admin API reports.</summary>
internal sealed class RecordingNotifier : IIncidentUpdateNotifier
{
    public List<(Incident Incident, IReadOnlyList<IncidentSubscription> Subscribers)> Changes { get; } = [];

    public Task IncidentChangedAsync(Incident incident, IReadOnlyList<IncidentSubscription> subscribers, CancellationToken cancellationToken)
    {
        Changes.Add((incident, subscribers));
        return Task.CompletedTask;
    }
}
