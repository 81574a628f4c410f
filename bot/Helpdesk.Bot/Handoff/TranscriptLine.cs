namespace Helpdesk.Bot.Handoff;

/// <summary>A transcript activity reduced to what an agent reads: who, when, the text.</summary>
/// <param name="From"><c>user</c>, <c>bot</c> or <c>agent</c>.</param>
internal sealed record TranscriptLine(string From, string? Name, string Text, DateTimeOffset At);
