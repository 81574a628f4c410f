namespace Helpdesk.Bot.Handoff.Itsm;

/// <summary>ServiceNow Table API connection. Section <c>Handoff:Itsm:ServiceNow</c>.</summary>
internal sealed class ServiceNowOptions
{
    /// <summary>e.g. <c>https://contoso.service-now.com</c>.</summary>
    public string? InstanceUrl { get; set; }

    /// <summary>Integration user (basic auth, or the resource owner of the OAuth password grant).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>OAuth client (Application Registry); when set, the connector uses <c>/oauth_token.do</c> bearer tokens instead of basic auth.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The incident's <c>contact_type</c>.</summary>
    public string ContactType { get; set; } = "chat";

    /// <summary>Optional <c>assignment_group</c> (name or sys_id) for new incidents.</summary>
    public string? AssignmentGroup { get; set; }

    /// <summary>Time limit of one call.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    public bool UsesOAuth => !string.IsNullOrWhiteSpace(ClientId);
}
