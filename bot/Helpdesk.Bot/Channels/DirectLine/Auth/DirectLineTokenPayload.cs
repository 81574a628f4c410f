using System.Text.Json.Serialization;

namespace Helpdesk.Bot.Channels.DirectLine.Auth;

/// <summary>
/// Claims of a Direct Line token (a compact HS256 JWT). Like Microsoft's tokens it carries the conversation
/// (<c>conv</c>) and the bound user (<c>user</c>, which botframework-directlinejs reads to know the user id).
/// </summary>
internal sealed record DirectLineTokenPayload(
    [property: JsonPropertyName("iss")] string Issuer,
    [property: JsonPropertyName("conv")] string ConversationId,
    [property: JsonPropertyName("user")] string? UserId,
    [property: JsonPropertyName("uname")] string? UserName,
    [property: JsonPropertyName("scp")] string Scope,
    [property: JsonPropertyName("iat")] long IssuedAt,
    [property: JsonPropertyName("exp")] long ExpiresAt,
    [property: JsonPropertyName("jti")] string TokenId);
