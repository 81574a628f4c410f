namespace Helpdesk.Bot.Core.Tests.State;

/// <summary>A typed state value with nested lists, as dialogs store them.</summary>
public sealed class TicketDraft
{
    public string Title { get; set; } = string.Empty;

    public List<string> Tags { get; set; } = [];

    public List<TicketStep> Steps { get; set; } = [];

    public DateTimeOffset? OpenedAt { get; set; }

    public int Attempts { get; set; }
}
