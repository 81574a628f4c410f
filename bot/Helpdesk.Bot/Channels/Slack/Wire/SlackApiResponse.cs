namespace Helpdesk.Bot.Channels.Slack.Wire;

/// <summary>A Web API answer: <c>ok</c>, or an <c>error</c> code; <c>ts</c> of the posted message.</summary>
internal sealed record SlackApiResponse(bool Ok, string? Error, string? Ts, string? Channel, string? Warning);
