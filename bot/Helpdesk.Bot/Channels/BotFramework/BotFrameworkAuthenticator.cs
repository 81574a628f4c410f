using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using Helpdesk.Bot.Core.Schema;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>
/// Checks the <c>Authorization: Bearer</c> token of an inbound activity as Azure Bot Service's channel
/// authentication requires: RS256/384/512 signature by a key of the issuer's OpenID metadata (JWKS), an accepted
/// issuer, audience = the bot's app id, lifetime within <see cref="BotFrameworkOptions.ClockSkew"/>, a
/// <c>serviceurl</c> claim equal to the activity's service URL, and — when the signing key carries endorsements —
/// the activity's channel among them. Without an app id every request is anonymous and accepted.
/// </summary>
internal sealed class BotFrameworkAuthenticator
{
    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotFrameworkOptions _options;
    private readonly IDocumentRetriever _documentRetriever;
    private readonly TimeProvider _timeProvider;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, OpenIdMetadata> _metadata = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> _validIssuers;
    private readonly string? _entraMetadataUrl;

    public BotFrameworkAuthenticator(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _documentRetriever = new HttpClientFactoryDocumentRetriever(httpClientFactory);
        _timeProvider = timeProvider;
        _validIssuers = _options.GetValidIssuers();
        _entraMetadataUrl = _options.GetEntraOpenIdMetadataUrl();
    }

    /// <summary>True when requests must carry a valid token (an app id is configured).</summary>
    public bool IsAuthenticationRequired => !_options.IsAnonymous;

    /// <summary>Checks <paramref name="authorizationHeader"/> against <paramref name="activity"/>.</summary>
    public async Task<BotFrameworkAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!IsAuthenticationRequired)
        {
            // As Microsoft's SDK with authentication disabled: local tools send no token, and none is required.
            return BotFrameworkAuthenticationResult.Anonymous();
        }

        var token = ReadBearerToken(authorizationHeader);
        if (token is null)
        {
            return BotFrameworkAuthenticationResult.Failed("missing bearer token");
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return BotFrameworkAuthenticationResult.Failed("malformed token");
        }

        var issuer = unvalidated.Issuer;
        if (!_validIssuers.Contains(issuer, StringComparer.Ordinal))
        {
            return BotFrameworkAuthenticationResult.Failed("issuer not accepted");
        }

        var metadata = GetMetadata(issuer);
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await metadata.GetAsync(cancellationToken);
            var keyId = unvalidated.Kid;
            if (!string.IsNullOrEmpty(keyId) && !HasKey(configuration, keyId))
            {
                configuration = await metadata.RefreshAsync(cancellationToken);
            }
        }
        catch (InvalidOperationException)
        {
            return BotFrameworkAuthenticationResult.Failed("signing keys unavailable (OpenID metadata could not be read)");
        }

        var result = await _handler.ValidateTokenAsync(token, CreateValidationParameters(configuration));
        if (!result.IsValid)
        {
            return BotFrameworkAuthenticationResult.Failed(Describe(result.Exception));
        }

        var identity = result.ClaimsIdentity;
        var serviceUrlClaim = identity.FindFirst(BotFrameworkProtocol.ServiceUrlClaim)?.Value;
        if (string.IsNullOrWhiteSpace(serviceUrlClaim))
        {
            return BotFrameworkAuthenticationResult.Failed("serviceurl claim missing");
        }

        if (!string.Equals(serviceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return BotFrameworkAuthenticationResult.Failed("serviceurl claim does not match the activity's serviceUrl");
        }

        var signingKeyId = result.SecurityToken.SigningKey?.KeyId ?? unvalidated.Kid;
        var endorsements = GetEndorsements(configuration, signingKeyId);
        if (endorsements is not null && !endorsements.Contains(activity.ChannelId ?? string.Empty, StringComparer.Ordinal))
        {
            return BotFrameworkAuthenticationResult.Failed("signing key is not endorsed for the activity's channel");
        }

        return BotFrameworkAuthenticationResult.Authenticated(identity);
    }

    /// <summary>The token of a <c>Bearer</c> authorization header, or null.</summary>
    public static string? ReadBearerToken(string? authorizationHeader)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorizationHeader) || !authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorizationHeader[scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    /// <summary>
    /// The channels the key <paramref name="keyId"/> is endorsed for (the Bot Framework JWKS's <c>endorsements</c>),
    /// or null when the key carries none.
    /// </summary>
    public static IReadOnlyList<string>? GetEndorsements(OpenIdConnectConfiguration configuration, string? keyId)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrEmpty(keyId) || configuration.JsonWebKeySet is null)
        {
            return null;
        }

        var key = configuration.JsonWebKeySet.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue(BotFrameworkProtocol.EndorsementsField, out var value))
        {
            return null;
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array =>
                [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
            JsonElement { ValueKind: JsonValueKind.String } single => [single.GetString()!],
            string single => [single],
            IEnumerable<object> items => [.. items.Select(i => i?.ToString()).OfType<string>()],
            _ => [],
        };
    }

    private static bool HasKey(OpenIdConnectConfiguration configuration, string keyId) =>
        configuration.SigningKeys.Any(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenSignatureKeyNotFoundException => "signing key not found",
        SecurityTokenInvalidSignatureException => "signature invalid",
        SecurityTokenInvalidAudienceException => "audience is not the bot's app id",
        SecurityTokenInvalidIssuerException => "issuer not accepted",
        SecurityTokenExpiredException or SecurityTokenNotYetValidException or SecurityTokenNoExpirationException
            or SecurityTokenInvalidLifetimeException => "token outside its lifetime",
        SecurityTokenInvalidAlgorithmException => "signing algorithm not accepted",
        SecurityTokenMalformedException or ArgumentException => "malformed token",
        null => "token invalid",
        _ => "token invalid (" + exception.GetType().Name + ")",
    };

    private OpenIdMetadata GetMetadata(string issuer)
    {
        var address = issuer == BotFrameworkOptions.BotFrameworkIssuer || _entraMetadataUrl is null
            ? _options.OpenIdMetadataUrl
            : _entraMetadataUrl;
        return _metadata.GetOrAdd(address, a => new OpenIdMetadata(a, _documentRetriever, _options, _timeProvider));
    }

    private TokenValidationParameters CreateValidationParameters(OpenIdConnectConfiguration configuration) => new()
    {
        ValidateIssuer = true,
        ValidIssuers = _validIssuers,
        ValidateAudience = true,
        ValidAudience = _options.AppId,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        LifetimeValidator = ValidateLifetime,
        ClockSkew = _options.ClockSkew,
        RequireSignedTokens = true,
        ValidAlgorithms = AllowedAlgorithms,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidateIssuerSigningKey = false, // The keys come from the issuer's own metadata over https.
        TryAllIssuerSigningKeys = true,
    };

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        if (expires is null)
        {
            return false;
        }

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var skew = _options.ClockSkew;
        return now <= expires.Value.ToUniversalTime() + skew
            && (notBefore is null || notBefore.Value.ToUniversalTime() <= now + skew);
    }
}
