namespace Helpdesk.Bot.Core.Tests.State;

/// <summary>A nested record inside <see cref="TicketDraft"/>.</summary>
public sealed record TicketStep(int Number, string Text, bool Done);
