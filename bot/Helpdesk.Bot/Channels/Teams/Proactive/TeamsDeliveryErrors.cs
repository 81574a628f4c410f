using System.Net;
using Helpdesk.Bot.Channels.BotFramework;

namespace Helpdesk.Bot.Channels.Teams.Proactive;

/// <summary>
/// Which Bot Connector failures mean the bot can no longer write to a Teams conversation (learn.microsoft.com,
/// "Status codes from bot conversational APIs"): 404 (conversation not found), and 403 for the bot not being in the
/// roster, the user blocking it, writes blocked or the bot disabled — every 403 except those that point at the bot's
/// own credentials, which would kill every reference at once for a configuration mistake.
/// </summary>
internal static class TeamsDeliveryErrors
{
    private static readonly string[] CredentialCodes = ["BotNotRegistered", "Unauthorized", "InvalidAuthenticationToken", "AuthenticationFailed", "InvalidToken"];

    /// <summary>The reason to record when <paramref name="exception"/> means the conversation is gone, else null.</summary>
    public static string? ConversationGoneReason(HttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var code = (exception as BotConnectorException)?.ErrorCode;
        return exception.StatusCode switch
        {
            HttpStatusCode.NotFound => $"HTTP 404 {code ?? TeamsProtocol.ConversationNotFound}",
            HttpStatusCode.Forbidden when code is not null && CredentialCodes.Contains(code, StringComparer.OrdinalIgnoreCase) => null,
            HttpStatusCode.Forbidden when IsRosterMessage((exception as BotConnectorException)?.ErrorMessage) => $"HTTP 403 {TeamsProtocol.BotNotInConversationRoster}",
            HttpStatusCode.Forbidden => $"HTTP 403 {code ?? "Forbidden"}",
            _ => null,
        };
    }

    private static bool IsRosterMessage(string? message) =>
        message?.Contains("not part of the conversation roster", StringComparison.OrdinalIgnoreCase) == true;
}
