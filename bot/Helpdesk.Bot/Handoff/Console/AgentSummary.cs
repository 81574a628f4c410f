namespace Helpdesk.Bot.Handoff.Console;

/// <summary>An agent as the console lists them (transfer targets, who is online).</summary>
internal sealed record AgentSummary(string Username, string DisplayName, bool Online, bool Supervisor);
