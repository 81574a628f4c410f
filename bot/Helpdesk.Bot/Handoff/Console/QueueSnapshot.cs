namespace Helpdesk.Bot.Handoff.Console;

/// <summary>The console's queue: server time (for the timers), agents online, and the open cases in order.</summary>
internal sealed record QueueSnapshot(DateTimeOffset Now, int AgentsOnline, IReadOnlyList<QueueItem> Cases);
