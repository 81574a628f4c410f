namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>Values of <c>error.code</c> in Direct Line error bodies (stable, as the service documents them).</summary>
internal static class DirectLineErrorCodes
{
    /// <summary>Malformed request, unknown conversation, a token for another conversation or an invalid credential.</summary>
    public const string BadArgument = "BadArgument";

    /// <summary>A token that was valid has expired (HTTP 403).</summary>
    public const string TokenExpired = "TokenExpired";

    /// <summary>The operation is not offered by this server.</summary>
    public const string NotSupported = "NotSupported";

    /// <summary>Too many requests from this client.</summary>
    public const string TooManyRequests = "TooManyRequests";

    /// <summary>The bot or its store failed.</summary>
    public const string ServiceError = "ServiceError";
}
