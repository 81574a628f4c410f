namespace Helpdesk.Bot.Handoff;

/// <summary>A knowledge article shown to the user, with the feedback they gave.</summary>
internal sealed record HandoffArticle(string Id, string Title, string Query, bool? Helped, DateTimeOffset At);
