namespace Helpdesk.Bot.Handoff.Auth;

/// <summary>The demo accounts seeded in the Development run (documented in the README; never in production).</summary>
internal static class DemoAgents
{
    public const string AgentUsername = "agent";
    public const string AgentPassword = "Agent-Demo-2026!";
    public const string AgentDisplayName = "Sam Rivera";

    public const string SupervisorUsername = "supervisor";
    public const string SupervisorPassword = "Supervisor-Demo-2026!";
    public const string SupervisorDisplayName = "Jordan Lee";
}
