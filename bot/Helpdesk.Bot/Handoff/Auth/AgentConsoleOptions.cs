namespace Helpdesk.Bot.Handoff.Auth;

/// <summary>Who may use the agent console at <c>/agent</c> and how they sign in. Section <c>Handoff:Console</c>.</summary>
internal sealed class AgentConsoleOptions
{
    public const string SectionName = HandoffOptions.SectionName + ":Console";

    /// <summary><c>Local</c> (accounts with hashed passwords in the store) or <c>OpenIdConnect</c> (Entra ID).</summary>
    public string Authentication { get; set; } = AgentAuthenticationModes.Local;

    /// <summary>Seed the demo agent and supervisor (README). Unset: only in the Development environment.</summary>
    public bool? SeedDemoAgents { get; set; }

    /// <summary>Extra local accounts (password hashes only).</summary>
    public List<AgentAccountOptions> Accounts { get; set; } = [];

    /// <summary>Sign-in attempts allowed per client address per <see cref="LoginWindow"/>.</summary>
    public int LoginPermitLimit { get; set; } = 10;

    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a console sign-in lasts (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    public AgentOpenIdConnectOptions OpenIdConnect { get; set; } = new();

    public bool UsesOpenIdConnect => string.Equals(Authentication, AgentAuthenticationModes.OpenIdConnect, StringComparison.OrdinalIgnoreCase);
}
