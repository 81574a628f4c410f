namespace Helpdesk.Bot.Handoff.Console;

/// <summary>A case as the console's queue lists it.</summary>
internal sealed record QueueItem(
    long Id,
    string Number,
    string Status,
    string Priority,
    string Category,
    string Reason,
    string Summary,
    string? UserName,
    string ChannelId,
    DateTimeOffset CreatedAt,
    DateTimeOffset SlaDueAt,
    double SlaSecondsLeft,
    bool SlaBreached,
    string? AgentId,
    string? AgentName,
    int? Position,
    bool Offline,
    string? TicketNumber,
    DateTimeOffset? ClosedAt,
    int? Csat,
    string? ResolutionNote);
