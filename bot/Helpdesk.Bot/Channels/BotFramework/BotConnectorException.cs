using System.Net;

namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>
/// A Bot Connector call the channel refused: the HTTP status and, when the body said, the error code
/// (<c>{"error":{"code":"BotNotInConversationRoster",...}}</c>) — what tells "this conversation is gone" apart from
/// "try again later".
/// </summary>
internal sealed class BotConnectorException : HttpRequestException
{
    public BotConnectorException(string message, HttpStatusCode statusCode, string? errorCode, string? errorMessage)
        : base(message, null, statusCode)
    {
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    public BotConnectorException()
        : this("The Bot Connector refused the call.", HttpStatusCode.BadGateway, null, null)
    {
    }

    public BotConnectorException(string message)
        : this(message, HttpStatusCode.BadGateway, null, null)
    {
    }

    public BotConnectorException(string message, Exception innerException)
        : base(message, innerException, HttpStatusCode.BadGateway)
    {
    }

    /// <summary>The channel's error code (e.g. <c>ConversationNotFound</c>), or null.</summary>
    public string? ErrorCode { get; }

    /// <summary>The channel's error message (never user content), or null.</summary>
    public string? ErrorMessage { get; }
}
