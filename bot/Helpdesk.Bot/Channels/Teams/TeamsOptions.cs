namespace Helpdesk.Bot.Channels.Teams;

/// <summary>Teams-specific settings. Section <c>Teams</c>.</summary>
internal sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>
    /// Entra tenant ids whose Teams users may use the bot. Empty (default): any tenant the app is installed in.
    /// A multi-tenant app registration can be installed by any organisation; list yours to refuse the others.
    /// </summary>
    public IList<string> AllowedTenantIds { get; set; } = [];
}
