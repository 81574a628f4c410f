using System.Net;
using Helpdesk.Bot.Channels.Slack;
using Helpdesk.Bot.Channels.Teams.Proactive;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Hosting;

/// <summary>
/// Which delivery failures mean the bot can no longer write to a conversation, per channel: Teams' 403/404 rules
/// (<see cref="TeamsDeliveryErrors"/>), a Bot Connector 404 elsewhere, Slack's <c>channel_not_found</c>,
/// <c>is_archived</c> and <c>not_in_channel</c>, and a Direct Line conversation that no longer exists
/// (<see cref="ConversationGoneException"/>). Anything else (throttling, outages, the bot's own credentials) may pass.
/// </summary>
internal static class ProactiveDeliveryErrors
{
    private static readonly string[] SlackGoneErrors = ["channel_not_found", "is_archived", "not_in_channel"];

    /// <summary>The reason to record when <paramref name="exception"/> means the conversation is gone, else null.</summary>
    public static string? ConversationGoneReason(string? channelId, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            ConversationGoneException => "conversation no longer exists",
            SlackApiException slack when SlackGoneErrors.Contains(slack.Error, StringComparer.Ordinal) => $"Slack {slack.Error}",
            SlackApiException => null,
            HttpRequestException http when string.Equals(channelId, ChannelIds.Msteams, StringComparison.OrdinalIgnoreCase) => TeamsDeliveryErrors.ConversationGoneReason(http),
            HttpRequestException { StatusCode: HttpStatusCode.NotFound } => "HTTP 404 conversation not found",
            _ => null,
        };
    }
}
