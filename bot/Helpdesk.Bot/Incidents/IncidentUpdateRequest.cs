namespace Helpdesk.Bot.Incidents;

/// <summary>Body of <c>PATCH /api/admin/incidents/{id}</c>: only the fields given change.</summary>
/// <param name="Service">New service.</param>
/// <param name="Title">New title.</param>
/// <param name="Status">New status.</param>
/// <param name="Eta">New expected fix time.</param>
/// <param name="ClearEta">True to remove the expected fix time.</param>
/// <param name="Details">New details ("" removes them).</param>
internal sealed record IncidentUpdateRequest(string? Service, string? Title, string? Status, DateTimeOffset? Eta, bool? ClearEta, string? Details);
