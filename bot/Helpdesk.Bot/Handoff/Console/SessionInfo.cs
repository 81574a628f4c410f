namespace Helpdesk.Bot.Handoff.Console;

/// <summary>The signed-in agent and the antiforgery token for the console's POSTs.</summary>
internal sealed record SessionInfo(string Username, string DisplayName, bool Supervisor, string AntiforgeryHeader, string AntiforgeryToken);
