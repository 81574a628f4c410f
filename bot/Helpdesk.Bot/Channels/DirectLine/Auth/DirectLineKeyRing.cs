using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Bot.Channels.DirectLine.Auth;

/// <summary>
/// The accepted Direct Line secrets and the token signing key. Secrets are kept only as SHA-256 digests and compared
/// in constant time.
/// </summary>
internal sealed class DirectLineKeyRing
{
    private readonly byte[][] _secretDigests;

    public DirectLineKeyRing(IReadOnlyList<string> secrets, byte[] signingKey)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(signingKey);
        if (secrets.Count == 0)
        {
            throw new ArgumentException("At least one Direct Line secret is required.", nameof(secrets));
        }

        if (signingKey.Length < DirectLineOptionsValidator.MinSigningKeyBytes)
        {
            throw new ArgumentException($"The signing key must be at least {DirectLineOptionsValidator.MinSigningKeyBytes} bytes.", nameof(signingKey));
        }

        _secretDigests = [.. secrets.Select(Digest)];
        SigningKey = signingKey;
    }

    /// <summary>HMAC-SHA256 key for tokens.</summary>
    public byte[] SigningKey { get; }

    /// <summary>True when <paramref name="candidate"/> is one of the secrets.</summary>
    public bool IsSecret(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var digest = Digest(candidate);
        var match = false;
        foreach (var secret in _secretDigests)
        {
            match |= CryptographicOperations.FixedTimeEquals(digest, secret);
        }

        return match;
    }

    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
