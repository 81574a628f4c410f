using System.Security.Cryptography;

namespace Helpdesk.Skills.PasswordReset.Security;

/// <summary>Encrypts small secrets at rest (AES-256-GCM: 12-byte nonce, 16-byte tag, then the cipher text).</summary>
public sealed class SecretBox(PasswordResetKeys keys)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public byte[] Protect(byte[] plaintext, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.EncryptionKey, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), System.Text.Encoding.UTF8.GetBytes(associatedData));
        return output;
    }

    /// <summary>The plain secret; throws <see cref="CryptographicException"/> when tampered with or under another key.</summary>
    public byte[] Unprotect(byte[] protectedData, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(protectedData);
        if (protectedData.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The protected secret is truncated.");
        }

        var plaintext = new byte[protectedData.Length - NonceSize - TagSize];
        using var aes = new AesGcm(keys.EncryptionKey, TagSize);
        aes.Decrypt(
            protectedData.AsSpan(0, NonceSize),
            protectedData.AsSpan(NonceSize + TagSize),
            protectedData.AsSpan(NonceSize, TagSize),
            plaintext,
            System.Text.Encoding.UTF8.GetBytes(associatedData));
        return plaintext;
    }
}
