using System.Net;

namespace Helpdesk.Bot.Channels.Slack;

/// <summary>A Slack Web API call that failed: the method and Slack's <c>error</c> code (<c>channel_not_found</c>, <c>ratelimited</c>…).</summary>
internal sealed class SlackApiException : HttpRequestException
{
    public SlackApiException(string method, string error, HttpStatusCode? statusCode = null)
        : base($"Slack {method} failed: {error}.", null, statusCode)
    {
        Method = method;
        Error = error;
    }

    public SlackApiException()
        : this("(unknown)", "unknown_error")
    {
    }

    public SlackApiException(string message)
        : this("(unknown)", message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "(unknown)";
        Error = "exception";
    }

    public string Method { get; }

    public string Error { get; }
}
