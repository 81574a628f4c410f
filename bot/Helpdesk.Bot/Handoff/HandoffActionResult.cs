using Helpdesk.Bot.Handoff.Store;

namespace Helpdesk.Bot.Handoff;

/// <summary>The outcome of an agent action: status, a message for the console, and the case as it is now.</summary>
internal sealed record HandoffActionResult(HandoffActionStatus Status, string? Message, HandoffCase? Case)
{
    public static HandoffActionResult Ok(HandoffCase? handoff) => new(HandoffActionStatus.Ok, null, handoff);

    public static HandoffActionResult NotFound { get; } = new(HandoffActionStatus.NotFound, "No such case.", null);

    public static HandoffActionResult Conflict(string message, HandoffCase? handoff) => new(HandoffActionStatus.Conflict, message, handoff);

    public static HandoffActionResult Forbidden(string message, HandoffCase? handoff) => new(HandoffActionStatus.Forbidden, message, handoff);
}
