namespace Helpdesk.Bot.Core.Schema;

/// <summary>The id a channel gives to an activity it accepted.</summary>
public sealed record ResourceResponse(string? Id);
