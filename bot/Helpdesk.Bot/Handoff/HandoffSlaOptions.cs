using Helpdesk.Skills.Cases;

namespace Helpdesk.Bot.Handoff;

/// <summary>First-response SLA targets. Section <c>Handoff:Sla</c>.</summary>
internal sealed class HandoffSlaOptions
{
    public TimeSpan P1 { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan P2 { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan P3 { get; set; } = TimeSpan.FromHours(2);

    public TimeSpan P4 { get; set; } = TimeSpan.FromHours(4);

    public TimeSpan TargetFor(TicketPriority priority) => priority switch
    {
        TicketPriority.P1 => P1,
        TicketPriority.P2 => P2,
        TicketPriority.P3 => P3,
        _ => P4,
    };
}
