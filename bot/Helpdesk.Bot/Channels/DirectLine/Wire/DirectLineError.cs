namespace Helpdesk.Bot.Channels.DirectLine.Wire;

/// <summary>Direct Line's Error object: a stable <see cref="Code"/> and a human-readable message.</summary>
internal sealed record DirectLineError(string Code, string Message);
