namespace Helpdesk.Bot.Handoff;

/// <summary>The signed-in agent acting in the console.</summary>
internal sealed record AgentIdentity(string Username, string DisplayName, bool IsSupervisor);
