namespace Helpdesk.Bot.Handoff.Itsm;

/// <summary>What the user hears when they ask about a ticket.</summary>
internal sealed record TicketStatus(string Number, string State, string? ShortDescription, string? AssignedTo, DateTimeOffset? UpdatedAt);
