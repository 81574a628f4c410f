namespace Helpdesk.Bot.Handoff.Console;

/// <summary>A live message of a case as the console shows it (kind: user, agent, note, system).</summary>
internal sealed record CaseMessageItem(long Id, long CaseId, string Kind, string Author, string Text, DateTimeOffset At);
