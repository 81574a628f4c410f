namespace Helpdesk.Skills.Troubleshooting.Incidents;

/// <summary>Where an incident is in its life (the usual status-page stages).</summary>
public enum IncidentStatus
{
    /// <summary>Reported; the cause is being looked for.</summary>
    Investigating,

    /// <summary>The cause is known; a fix is in progress.</summary>
    Identified,

    /// <summary>A fix is in place and being watched.</summary>
    Monitoring,

    /// <summary>Over: no longer shown to users.</summary>
    Resolved,
}
