namespace Helpdesk.Bot.Channels.DirectLine.Wire;

/// <summary>
/// Direct Line's ErrorResponse (<c>{"error":{"code","message"}}</c>, what Microsoft's clients read) that is at the
/// same time RFC 9457 problem details (<c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c>).
/// </summary>
internal sealed record DirectLineErrorResponse(DirectLineError Error, string Type, string Title, int Status, string Detail);
