namespace Helpdesk.Skills.Cases;

/// <summary>Ticket priority, P1 (critical) to P4 (low); each has its own first-response SLA target.</summary>
public enum TicketPriority
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
    P4 = 4,
}
