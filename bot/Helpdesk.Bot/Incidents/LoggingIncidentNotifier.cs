using Helpdesk.Skills.Troubleshooting.Incidents;

namespace Helpdesk.Bot.Incidents;

/// <summary>
/// The default <see cref="IIncidentUpdateNotifier"/>: records how many people are waiting for an update. Sending
/// them the update (a proactive message to each stored conversation) replaces this when proactive delivery is wired in.
/// </summary>
internal sealed class LoggingIncidentNotifier(ILogger<LoggingIncidentNotifier> logger) : IIncidentUpdateNotifier
{
    public Task IncidentChangedAsync(Incident incident, IReadOnlyList<IncidentSubscription> subscribers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(subscribers);
        if (subscribers.Count > 0)
        {
            logger.LogInformation("Incident {Id} is now {Status}: {Count} subscribers waiting for an update (no proactive delivery configured)",
                incident.Id, incident.Status, subscribers.Count);
        }

        return Task.CompletedTask;
    }
}
