namespace Helpdesk.Bot.Handoff.Auth;

/// <summary>Roles of the agent console and the authorization policy that requires one.</summary>
internal static class AgentRoles
{
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";

    /// <summary>Policy: signed in with the agent or supervisor role.</summary>
    public const string AgentPolicy = "HelpdeskAgent";

    /// <summary>Policy: signed in with the supervisor role.</summary>
    public const string SupervisorPolicy = "HelpdeskSupervisor";

    public static bool IsAgentRole(string role) =>
        string.Equals(role, Agent, StringComparison.OrdinalIgnoreCase) || string.Equals(role, Supervisor, StringComparison.OrdinalIgnoreCase);
}
