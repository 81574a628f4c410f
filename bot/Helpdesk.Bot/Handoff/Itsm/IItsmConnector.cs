using Helpdesk.Bot.Handoff.Store;

namespace Helpdesk.Bot.Handoff.Itsm;

/// <summary>Where escalations become tickets: the built-in store, ServiceNow, or a signed webhook.</summary>
internal interface IItsmConnector
{
    /// <summary><c>builtin</c>, <c>servicenow</c>, <c>webhook</c>.</summary>
    string Name { get; }

    /// <summary>Creates the ticket for a new case; returns its number.</summary>
    Task<string> CreateAsync(HandoffCase handoff, HandoffContext context, CancellationToken cancellationToken);

    /// <summary>Adds a work note (internal) to the ticket.</summary>
    Task AddWorkNoteAsync(string ticketNumber, string note, CancellationToken cancellationToken);

    /// <summary>Marks the ticket resolved with the agent's note.</summary>
    Task ResolveAsync(string ticketNumber, string note, CancellationToken cancellationToken);

    /// <summary>The ticket's status for the user, or null when no such ticket exists.</summary>
    Task<TicketStatus?> GetStatusAsync(string ticketNumber, CancellationToken cancellationToken);
}
