namespace Helpdesk.Skills.Troubleshooting.Incidents;

/// <summary>Where an incident comes from: the feed file (read-only here) or the admin API.</summary>
public enum IncidentSource
{
    Feed,
    Api,
}
