namespace Helpdesk.Bot.Core.Tests.Dialogs;

/// <summary>A value a waterfall keeps in its persisted Values bag.</summary>
internal sealed record TicketRequest(string Name, int Devices);
