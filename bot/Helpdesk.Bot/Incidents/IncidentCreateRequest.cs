namespace Helpdesk.Bot.Incidents;

/// <summary>Body of <c>POST /api/admin/incidents</c>.</summary>
/// <param name="Id">Optional id (e.g. the ITSM incident number); generated when absent.</param>
/// <param name="Service">The affected service, as flows name it (vpn, email, wifi, printing…).</param>
/// <param name="Title">What users see.</param>
/// <param name="Status">investigating (default), identified, monitoring or resolved.</param>
/// <param name="Eta">When a fix is expected (ISO 8601), if known.</param>
/// <param name="Details">An optional extra line for users (a workaround).</param>
internal sealed record IncidentCreateRequest(string? Id, string? Service, string? Title, string? Status, DateTimeOffset? Eta, string? Details);
