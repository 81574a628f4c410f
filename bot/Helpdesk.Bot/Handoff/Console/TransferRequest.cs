namespace Helpdesk.Bot.Handoff.Console;

/// <summary>Body of a transfer: <c>{ "toAgent": "username" | null (back to the queue), "note": "…" }</c>.</summary>
internal sealed record TransferRequest(string? ToAgent, string? Note);
