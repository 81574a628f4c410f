namespace Helpdesk.Bot.Handoff.Store;

/// <summary>A sensitive action (sign-in, claim, transfer, resolve…), who did it and when.</summary>
internal sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, long? CaseId, string? Detail);
