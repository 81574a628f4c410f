namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>
/// Bot Connector REST API addresses (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference).
/// Ids are escaped as path segments: Teams conversation ids contain ':', ';' and '@'.
/// </summary>
internal static class ConnectorUrls
{
    /// <summary>
    /// <c>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}</c> (reply to an activity), or
    /// <c>.../activities</c> (send to the conversation) when <paramref name="replyToId"/> is empty.
    /// </summary>
    public static Uri Activities(string serviceUrl, string conversationId, string? replyToId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        var path = $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrWhiteSpace(replyToId))
        {
            path += "/" + Uri.EscapeDataString(replyToId);
        }

        return new Uri(path, UriKind.Absolute);
    }
}
