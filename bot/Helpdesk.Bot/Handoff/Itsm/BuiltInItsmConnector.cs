using System.Globalization;
using Helpdesk.Bot.Handoff.Store;

namespace Helpdesk.Bot.Handoff.Itsm;

/// <summary>The default: the queue's own store is the ticket system; the ticket number is the case number (<c>HD-000042</c>).</summary>
internal sealed class BuiltInItsmConnector(IHandoffStore store, TimeProvider time) : IItsmConnector
{
    public const string ConnectorName = "builtin";

    public string Name => ConnectorName;

    public Task<string> CreateAsync(HandoffCase handoff, HandoffContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        return Task.FromResult(handoff.Number);
    }

    public async Task AddWorkNoteAsync(string ticketNumber, string note, CancellationToken cancellationToken)
    {
        if (TryParse(ticketNumber, out var id))
        {
            await store.AddMessageAsync(id, HandoffMessageKind.System, "ticket", note, time.GetUtcNow(), cancellationToken);
        }
    }

    public Task ResolveAsync(string ticketNumber, string note, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<TicketStatus?> GetStatusAsync(string ticketNumber, CancellationToken cancellationToken)
    {
        if (!TryParse(ticketNumber, out var id) || await store.GetAsync(id, cancellationToken) is not { } handoff)
        {
            return null;
        }

        var state = handoff.Status switch
        {
            HandoffStatus.Waiting => "Waiting for an agent",
            HandoffStatus.Active => "In progress",
            HandoffStatus.Hub => "With the contact center",
            HandoffStatus.Resolved => "Resolved",
            HandoffStatus.Cancelled => "Cancelled",
            _ => "Closed",
        };
        return new TicketStatus(handoff.Number, state, handoff.Reason, handoff.AgentName, handoff.UpdatedAt);
    }

    /// <summary>"HD-000042" (or "HD42") → 42.</summary>
    public static bool TryParse(string number, out long id)
    {
        id = 0;
        var digits = (number ?? string.Empty).Trim().ToUpperInvariant();
        if (!digits.StartsWith("HD", StringComparison.Ordinal))
        {
            return false;
        }

        digits = digits[2..].TrimStart('-');
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }
}
