using System.Security.Cryptography;

namespace Helpdesk.Skills.PasswordReset.Security;

/// <summary>
/// The server-side keys of the skill: one keys the hashes of codes and link tokens (HMAC-SHA256, so a stolen
/// database does not allow guessing a 6-digit code offline), one encrypts the enrolled authenticator secrets
/// (AES-256-GCM). The host generates them once and keeps them beside the database (or takes them from configuration).
/// </summary>
public sealed class PasswordResetKeys
{
    public const int KeySize = 32;

    public PasswordResetKeys(byte[] hashKey, byte[] encryptionKey)
    {
        ArgumentNullException.ThrowIfNull(hashKey);
        ArgumentNullException.ThrowIfNull(encryptionKey);
        if (hashKey.Length != KeySize || encryptionKey.Length != KeySize)
        {
            throw new ArgumentException($"Password-reset keys must be {KeySize} bytes each.");
        }

        HashKey = hashKey;
        EncryptionKey = encryptionKey;
    }

    /// <summary>Keys the hashes of one-time codes and reset-link tokens.</summary>
    public byte[] HashKey { get; }

    /// <summary>Encrypts authenticator (TOTP) secrets at rest.</summary>
    public byte[] EncryptionKey { get; }

    /// <summary>Fresh random keys (tests, first start).</summary>
    public static PasswordResetKeys Generate() => new(RandomNumberGenerator.GetBytes(KeySize), RandomNumberGenerator.GetBytes(KeySize));
}
