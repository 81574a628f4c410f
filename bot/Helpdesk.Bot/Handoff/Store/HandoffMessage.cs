namespace Helpdesk.Bot.Handoff.Store;

/// <summary>One entry of a case's live conversation (user, agent, internal note, or system event).</summary>
internal sealed record HandoffMessage(long Id, long CaseId, HandoffMessageKind Kind, string Author, string Text, DateTimeOffset At);
