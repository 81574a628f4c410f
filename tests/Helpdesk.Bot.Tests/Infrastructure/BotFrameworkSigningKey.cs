using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Helpdesk.Bot.Tests.Infrastructure;

/// <summary>An RSA signing key the tests publish in a fake JWKS and sign Bot Connector–style tokens with.</summary>
internal sealed class BotFrameworkSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public BotFrameworkSigningKey(string keyId, params string[] endorsements)
    {
        KeyId = keyId;
        Endorsements = endorsements;
    }

    public string KeyId { get; }

    /// <summary>Channels the key is endorsed for in the JWKS; empty: no "endorsements" field.</summary>
    public IReadOnlyList<string> Endorsements { get; }

    /// <summary>The public key as a JWKS entry (with "endorsements" as the Bot Framework JWKS has).</summary>
    public JsonObject ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements.Count > 0)
        {
            jwk["endorsements"] = new JsonArray([.. Endorsements.Select(e => (JsonNode)JsonValue.Create(e))]);
        }

        return jwk;
    }

    /// <summary>A signed JWT with the given claims; <paramref name="keyIdOverride"/> forges the header's kid.</summary>
    public string CreateToken(
        string issuer,
        string audience,
        string? serviceUrl,
        DateTimeOffset notBefore,
        DateTimeOffset expires,
        string? keyIdOverride = null)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var key = new RsaSecurityKey(_rsa) { KeyId = keyIdOverride ?? KeyId };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore.UtcDateTime,
            IssuedAt = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public void Dispose() => _rsa.Dispose();
}
