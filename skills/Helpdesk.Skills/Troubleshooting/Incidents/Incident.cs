namespace Helpdesk.Skills.Troubleshooting.Incidents;

/// <summary>A known problem with a service, as the bot tells users about it.</summary>
/// <param name="Id">Unique id, e.g. the ITSM incident number (INC0012345).</param>
/// <param name="Service">The affected service, matched against a flow's <c>services</c> (e.g. <c>vpn</c>).</param>
/// <param name="Title">What users see, e.g. "VPN connections failing in Europe".</param>
/// <param name="Status">Investigating, identified, monitoring or resolved.</param>
/// <param name="Updated">When the status or text last changed.</param>
/// <param name="Eta">When a fix is expected, if known.</param>
/// <param name="Details">An optional extra line for users (a workaround).</param>
/// <param name="Source">Feed file or admin API.</param>
public sealed record Incident(
    string Id,
    string Service,
    string Title,
    IncidentStatus Status,
    DateTimeOffset Updated,
    DateTimeOffset? Eta,
    string? Details,
    IncidentSource Source)
{
    public bool IsActive => Status != IncidentStatus.Resolved;

    /// <summary>True when the incident is about one of <paramref name="services"/> (case-insensitive).</summary>
    public bool Affects(IEnumerable<string> services) =>
        services.Any(s => string.Equals(s, Service, StringComparison.OrdinalIgnoreCase));
}
