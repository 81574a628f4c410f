using System.Text.Json.Serialization;

namespace Helpdesk.Bot.Channels.DirectLine.Wire;

/// <summary>Direct Line's Conversation object (answer of token and conversation operations).</summary>
internal sealed record DirectLineConversationResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl = null);
