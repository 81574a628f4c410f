using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Bot.Incidents;

/// <summary>Known incidents: the feed file and the admin API. Section <c>Incidents</c>.</summary>
internal sealed class IncidentsOptions
{
    public const string SectionName = "Incidents";

    /// <summary>
    /// A JSON file of active incidents (relative to the content root unless absolute), re-read whenever it changes;
    /// empty = no feed. The file may be missing (no incidents) until someone writes it.
    /// </summary>
    public string? FeedPath { get; set; }

    /// <summary>
    /// The key callers of <c>/api/admin/incidents</c> send in <c>X-Api-Key</c>. Empty = the admin API is off (404),
    /// except in Development, where it answers callers on this machine only.
    /// </summary>
    [MinLength(32, ErrorMessage = "Incidents:AdminApiKey must be at least 32 characters (a random key, e.g. from `openssl rand -base64 32`).")]
    public string? AdminApiKey { get; set; }
}
