using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.DirectLine.Auth;

/// <summary>
/// Issues and checks Direct Line tokens: HS256 JWTs bound to one conversation (and user), expiring after
/// <see cref="DirectLineOptions.TokenLifetime"/>; stream tokens for <c>streamUrl</c> live
/// <see cref="DirectLineOptions.StreamUrlLifetime"/>. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class DirectLineTokenService
{
    public const string Issuer = "helpdesk-directline";
    public const int MaxTokenLength = 4096;

    private static readonly JsonSerializerOptions PayloadJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private static readonly string EncodedHeader = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    private readonly byte[] _key;
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _time;

    public DirectLineTokenService(DirectLineKeyRing keys, IOptions<DirectLineOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        _key = keys.SigningKey;
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>A token for REST calls on <paramref name="conversationId"/>, bound to the user when given.</summary>
    public DirectLineIssuedToken IssueConversationToken(string conversationId, string? userId, string? userName) =>
        Issue(conversationId, userId, userName, DirectLineTokenScopes.Conversation, _options.TokenLifetime);

    /// <summary>A short-lived token that only opens the WebSocket stream of <paramref name="conversationId"/>.</summary>
    public string IssueStreamToken(string conversationId) =>
        Issue(conversationId, null, null, DirectLineTokenScopes.Stream, _options.StreamUrlLifetime).Token;

    public DirectLineTokenValidation Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return DirectLineTokenValidation.Invalid;
        }

        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        var lastDot = token.LastIndexOf('.');
        if (firstDot <= 0 || lastDot <= firstDot + 1 || lastDot == token.Length - 1
            || !token.AsSpan(0, firstDot).SequenceEqual(EncodedHeader))
        {
            return DirectLineTokenValidation.Invalid;
        }

        var signed = token.AsSpan(0, lastDot);
        Span<byte> signature = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!Base64Url.IsValid(token.AsSpan(lastDot + 1))
            || !Base64Url.TryDecodeFromChars(token.AsSpan(lastDot + 1), signature, out var signatureLength)
            || signatureLength != signature.Length
            || !CryptographicOperations.FixedTimeEquals(signature, Sign(signed)))
        {
            return DirectLineTokenValidation.Invalid;
        }

        DirectLineTokenPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<DirectLineTokenPayload>(Base64Url.DecodeFromChars(token.AsSpan(firstDot + 1, lastDot - firstDot - 1)));
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return DirectLineTokenValidation.Invalid;
        }

        if (payload is null || payload.Issuer != Issuer || !DirectLineIds.IsValidConversationId(payload.ConversationId)
            || payload.Scope is not (DirectLineTokenScopes.Conversation or DirectLineTokenScopes.Stream))
        {
            return DirectLineTokenValidation.Invalid;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(payload.ExpiresAt);
        var claims = new DirectLineTokenClaims(payload.ConversationId, payload.UserId, payload.UserName, payload.Scope, expiresAt);
        return new DirectLineTokenValidation(_time.GetUtcNow() >= expiresAt ? DirectLineTokenStatus.Expired : DirectLineTokenStatus.Valid, claims);
    }

    private DirectLineIssuedToken Issue(string conversationId, string? userId, string? userName, string scope, TimeSpan lifetime)
    {
        if (!DirectLineIds.IsValidConversationId(conversationId))
        {
            throw new ArgumentException("Not a valid conversation id.", nameof(conversationId));
        }

        var now = _time.GetUtcNow();
        var payload = new DirectLineTokenPayload(
            Issuer,
            conversationId,
            string.IsNullOrEmpty(userId) ? null : userId,
            string.IsNullOrEmpty(userName) ? null : userName,
            scope,
            now.ToUnixTimeSeconds(),
            (now + lifetime).ToUnixTimeSeconds(),
            Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12)));
        var signed = EncodedHeader + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload, PayloadJson));
        var token = signed + "." + Base64Url.EncodeToString(Sign(signed));
        return new DirectLineIssuedToken(token, (int)lifetime.TotalSeconds);
    }

    private byte[] Sign(ReadOnlySpan<char> signed)
    {
        var bytes = new byte[Encoding.ASCII.GetByteCount(signed)];
        Encoding.ASCII.GetBytes(signed, bytes);
        return HMACSHA256.HashData(_key, bytes);
    }
}
