namespace Helpdesk.Bot.Handoff.Console;

/// <summary>Body of a message or note: <c>{ "text": "…" }</c>.</summary>
internal sealed record AgentTextRequest(string? Text);
