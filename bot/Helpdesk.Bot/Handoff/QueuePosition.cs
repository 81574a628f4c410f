namespace Helpdesk.Bot.Handoff;

/// <summary>A waiting case's place in the queue and its estimated wait.</summary>
internal sealed record QueuePosition(int Position, TimeSpan EstimatedWait, int AgentsOnline);
