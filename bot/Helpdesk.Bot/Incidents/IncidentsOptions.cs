using Helpdesk.Bot.Hosting;

namespace Helpdesk.Bot.Incidents;

/// <summary>Known incidents: the feed file and the admin API. Section <c>Incidents</c>.</summary>
internal sealed class IncidentsOptions : IAdminApiKeyOptions
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
    public string? AdminApiKey { get; set; }

    /// <summary>
    /// How often subscribers' updates are checked for (a change through the admin API is sent at once; this catches
    /// feed-file edits and retries failed deliveries). 1 second to 1 hour.
    /// </summary>
    public TimeSpan NotificationInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The shortest admin key accepted.</summary>
    public const int MinimumKeyLength = IAdminApiKeyOptions.MinimumKeyLength;
}
