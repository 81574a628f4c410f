using Helpdesk.Skills.Cases;

namespace Helpdesk.Bot.Handoff.Store;

/// <summary>One escalation: who, why, where to answer, its state in the queue, and how it ended.</summary>
internal sealed record HandoffCase
{
    public long Id { get; init; }

    /// <summary>The case number people see (<c>HD-000042</c>).</summary>
    public string Number => FormatNumber(Id);

    /// <summary><c>{channelId}/{conversationId}</c> of the user's conversation.</summary>
    public required string ConversationKey { get; init; }

    /// <summary>Name of the channel adapter the conversation came through (proactive messages go back through it).</summary>
    public required string AdapterName { get; init; }

    /// <summary>The conversation reference (JSON) used to message the user proactively.</summary>
    public required string ReferenceJson { get; init; }

    public HandoffStatus Status { get; init; }

    public TicketPriority Priority { get; init; }

    public required string Category { get; init; }

    public EscalationTrigger Trigger { get; init; }

    public required string Reason { get; init; }

    public string? UserId { get; init; }

    public string? UserName { get; init; }

    public required string ChannelId { get; init; }

    public string? Locale { get; init; }

    /// <summary>The context package (<see cref="HandoffContext"/>) as JSON.</summary>
    public required string ContextJson { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the first response is due (creation + the priority's SLA target).</summary>
    public DateTimeOffset SlaDueAt { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }

    public DateTimeOffset? FirstResponseAt { get; init; }

    public string? AgentId { get; init; }

    public string? AgentName { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public string? ResolutionNote { get; init; }

    /// <summary>The user's satisfaction score (1–5), once given.</summary>
    public int? Csat { get; init; }

    /// <summary>True after resolution until the user answered (or skipped) the CSAT question.</summary>
    public bool CsatPending { get; init; }

    public string? TicketNumber { get; init; }

    /// <summary>The queue position the user was last told.</summary>
    public int? NotifiedPosition { get; init; }

    /// <summary>True when it was queued with no agent online or outside business hours (the user got a promise instead of a wait).</summary>
    public bool Offline { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public static string FormatNumber(long id) => "HD-" + id.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
