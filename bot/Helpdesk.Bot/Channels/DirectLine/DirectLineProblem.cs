using Helpdesk.Bot.Channels.DirectLine.Wire;
using Helpdesk.Bot.Core.Schema;
using Microsoft.AspNetCore.WebUtilities;

namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>A Direct Line error answer: HTTP status, Direct Line error code and message.</summary>
internal sealed record DirectLineProblem(int Status, string Code, string Message)
{
    public static DirectLineProblem MissingCredentials { get; } = new(
        StatusCodes.Status401Unauthorized, DirectLineErrorCodes.BadArgument, "Missing or malformed Authorization header (expected: Bearer SECRET_OR_TOKEN).");

    public static DirectLineProblem InvalidCredentials { get; } = new(
        StatusCodes.Status403Forbidden, DirectLineErrorCodes.BadArgument, "Invalid token or secret");

    public static DirectLineProblem TokenExpired { get; } = new(
        StatusCodes.Status403Forbidden, DirectLineErrorCodes.TokenExpired, "Token expired");

    public static DirectLineProblem WrongConversation { get; } = new(
        StatusCodes.Status403Forbidden, DirectLineErrorCodes.BadArgument, "Token not valid for this conversation");

    public static DirectLineProblem ConversationNotFound { get; } = new(
        StatusCodes.Status404NotFound, DirectLineErrorCodes.BadArgument, "Conversation not found");

    public static DirectLineProblem BadRequest(string message) => new(StatusCodes.Status400BadRequest, DirectLineErrorCodes.BadArgument, message);

    /// <summary>The answer: Direct Line's error body, which is also problem details.</summary>
    public IResult ToResult() => Results.Json(
        new DirectLineErrorResponse(
            new DirectLineError(Code, Message),
            "about:blank",
            ReasonPhrases.GetReasonPhrase(Status),
            Status,
            Message),
        ActivitySerializer.Options,
        contentType: "application/json",
        statusCode: Status);
}
