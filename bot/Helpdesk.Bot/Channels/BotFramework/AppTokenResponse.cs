using System.Text.Json.Serialization;

namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>The OAuth 2.0 token endpoint's answer (RFC 6749 §5.1 / §5.2).</summary>
internal sealed record AppTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("expires_in")] long? ExpiresIn,
    [property: JsonPropertyName("error")] string? Error);
