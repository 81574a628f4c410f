using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Skills.PasswordReset.Security;

/// <summary>
/// Keyed hashes of short-lived secrets (codes, link tokens): HMAC-SHA256 over a purpose, a record id and the
/// value, so the same code in two records hashes differently. Compared in constant time.
/// </summary>
public sealed class SecretHasher(PasswordResetKeys keys)
{
    /// <summary>The hash of <paramref name="secret"/> for <paramref name="purpose"/> and <paramref name="recordId"/>.</summary>
    public byte[] Hash(string purpose, string recordId, string secret)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(recordId);
        ArgumentNullException.ThrowIfNull(secret);
        var input = Encoding.UTF8.GetBytes($"{purpose}\n{recordId}\n{secret}");
        try
        {
            return HMACSHA256.HashData(keys.HashKey, input);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
        }
    }

    /// <summary>True when <paramref name="candidate"/> hashes to <paramref name="expected"/>; constant time in the hash.</summary>
    public bool Matches(byte[] expected, string purpose, string recordId, string candidate)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return CryptographicOperations.FixedTimeEquals(expected, Hash(purpose, recordId, candidate));
    }

    /// <summary>A lookup key for a token (the token is the record's only identifier): HMAC of the token alone.</summary>
    public string LookupKey(string purpose, string token) => Convert.ToHexString(Hash(purpose, string.Empty, token));
}
