namespace Helpdesk.Bot.Channels.DirectLine.Wire;

/// <summary>Optional body of <c>POST /api/webchat/token</c>: the user id a previous answer gave this browser.</summary>
internal sealed record WebChatTokenRequest(string? UserId);
