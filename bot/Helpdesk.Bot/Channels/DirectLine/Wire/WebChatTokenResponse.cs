using System.Text.Json.Serialization;

namespace Helpdesk.Bot.Channels.DirectLine.Wire;

/// <summary>Answer of <c>POST /api/webchat/token</c>: a Direct Line token bound to a new conversation and user.</summary>
internal sealed record WebChatTokenResponse(
    string Token,
    string ConversationId,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string UserId);
