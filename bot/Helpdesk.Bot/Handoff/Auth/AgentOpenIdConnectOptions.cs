namespace Helpdesk.Bot.Handoff.Auth;

/// <summary>OpenID Connect sign-in for the console (Entra ID in production). Section <c>Handoff:Console:OpenIdConnect</c>.</summary>
internal sealed class AgentOpenIdConnectOptions
{
    /// <summary>e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string CallbackPath { get; set; } = "/agent/signin-oidc";

    /// <summary>The token claim carrying app roles (Entra: <c>roles</c>).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The app role value that makes someone an agent.</summary>
    public string AgentRole { get; set; } = "Helpdesk.Agent";

    /// <summary>The app role value that makes someone a supervisor.</summary>
    public string SupervisorRole { get; set; } = "Helpdesk.Supervisor";
}
