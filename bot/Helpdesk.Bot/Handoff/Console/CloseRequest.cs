namespace Helpdesk.Bot.Handoff.Console;

/// <summary>Body of resolve / return to bot: <c>{ "note": "…" }</c>.</summary>
internal sealed record CloseRequest(string? Note);
