namespace Helpdesk.Skills.Cases;

/// <summary>A skill's request to hand the conversation to a person; the rest of the context is in the <see cref="CaseFile"/>.</summary>
/// <param name="Trigger">Why.</param>
/// <param name="Category">Ticket category (e.g. "network/vpn", "account/password").</param>
/// <param name="Priority">P1–P4.</param>
/// <param name="Reason">One line for the agent, e.g. "VPN still fails after reinstalling the client".</param>
public sealed record EscalationRequest(EscalationTrigger Trigger, string Category, TicketPriority Priority, string Reason);
