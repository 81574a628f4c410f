using Helpdesk.Skills.Troubleshooting.Incidents;

namespace Helpdesk.Bot.Incidents;

/// <summary>An incident as the admin API shows it, with how many people reported it through the bot.</summary>
internal sealed record IncidentResponse(
    string Id,
    string Service,
    string Title,
    string Status,
    DateTimeOffset Updated,
    DateTimeOffset? Eta,
    string? Details,
    string Source,
    int Reporters,
    int Reports,
    int Subscribers)
{
    public static IncidentResponse From(Incident incident, IncidentStats stats) => new(
        incident.Id,
        incident.Service,
        incident.Title,
        incident.Status.ToString().ToLowerInvariant(),
        incident.Updated,
        incident.Eta,
        incident.Details,
        incident.Source.ToString().ToLowerInvariant(),
        stats.Reporters,
        stats.Reports,
        stats.Subscribers);
}
