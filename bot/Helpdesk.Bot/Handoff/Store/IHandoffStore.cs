namespace Helpdesk.Bot.Handoff.Store;

/// <summary>
/// Handoff cases and their messages. State changes are conditional updates (e.g. a claim is
/// <c>UPDATE … WHERE status = 'waiting'</c>), so under concurrency exactly one caller wins and the others get false.
/// </summary>
internal interface IHandoffStore
{
    /// <summary>Creates the schema if missing (idempotent).</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new case and returns it with its id; when the conversation already has an open case, returns that one
    /// instead (at most one open case per conversation, enforced by the store).
    /// </summary>
    Task<(HandoffCase Case, bool Created)> CreateAsync(HandoffCase handoff, CancellationToken cancellationToken);

    Task<HandoffCase?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>The conversation's open case, or its resolved case still waiting for a CSAT answer; else null.</summary>
    Task<HandoffCase?> FindCurrentAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>The newest case whose ticket is <paramref name="ticketNumber"/>, or null.</summary>
    Task<HandoffCase?> FindByTicketAsync(string ticketNumber, CancellationToken cancellationToken);

    /// <summary>Waiting, active and hub cases.</summary>
    Task<IReadOnlyList<HandoffCase>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>The most recently closed cases, newest first.</summary>
    Task<IReadOnlyList<HandoffCase>> ListClosedAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Waiting → active for <paramref name="agentId"/>; false when someone else won (or it is not waiting).</summary>
    Task<bool> TryClaimAsync(long id, string agentId, string agentName, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the case from one of <paramref name="from"/> to <paramref name="to"/>; closing states set the close time,
    /// note and (for resolved) the CSAT question as pending. False when the case was not in one of those states.
    /// </summary>
    Task<bool> TryTransitionAsync(long id, IReadOnlyCollection<HandoffStatus> from, HandoffStatus to, string? note, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>An active case of <paramref name="fromAgentId"/> (any agent when null) goes to another agent, or back to the queue when <paramref name="toAgentId"/> is null.</summary>
    Task<bool> TryTransferAsync(long id, string? fromAgentId, string? toAgentId, string? toAgentName, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records the first agent response time (once).</summary>
    Task MarkFirstResponseAsync(long id, DateTimeOffset at, CancellationToken cancellationToken);

    Task SetTicketAsync(long id, string ticketNumber, CancellationToken cancellationToken);

    Task SetNotifiedPositionAsync(long id, int position, CancellationToken cancellationToken);

    /// <summary>Stores the CSAT score if the question is pending (true) and clears the pending flag.</summary>
    Task<bool> TryRecordCsatAsync(long id, int? score, DateTimeOffset at, CancellationToken cancellationToken);

    Task<HandoffMessage> AddMessageAsync(long caseId, HandoffMessageKind kind, string author, string text, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<HandoffMessage>> ListMessagesAsync(long caseId, CancellationToken cancellationToken);

    Task AuditAsync(string actor, string action, long? caseId, string? detail, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntry>> ListAuditAsync(int limit, CancellationToken cancellationToken);
}
