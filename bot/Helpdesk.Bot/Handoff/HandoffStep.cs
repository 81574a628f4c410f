namespace Helpdesk.Bot.Handoff;

/// <summary>A step the bot tried, with the user's answer.</summary>
internal sealed record HandoffStep(string Source, string Step, string? Answer, DateTimeOffset At);
