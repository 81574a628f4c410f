using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Bot.Handoff.Auth;

/// <summary>
/// Local agent passwords: PBKDF2-HMAC-SHA256 with 600,000 iterations (OWASP 2023), a 16-byte random salt and a
/// 32-byte key, stored as <c>pbkdf2-sha256$600000$salt$key</c> (base64). Verification is constant-time.
/// </summary>
internal static class AgentPasswordHasher
{
    public const int Iterations = 600_000;
    private const string Prefix = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int KeyBytes = 32;

    // Verified against when the username is unknown, so a miss takes as long as a wrong password.
    private static readonly Lazy<string> DummyHash = new(() => Hash("not-a-real-password-" + Guid.NewGuid()));

    public static string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, KeyBytes);
        return string.Join('$', Prefix, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(key));
    }

    /// <summary>True when <paramref name="password"/> matches <paramref name="stored"/>; false for a malformed or missing hash.</summary>
    public static bool Verify(string password, string? stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        var parts = (stored ?? DummyHash.Value).Split('$');
        if (parts.Length != 4 || parts[0] != Prefix
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < Iterations)
        {
            return false;
        }

        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected) && stored is not null;
    }

    /// <summary>True when <paramref name="stored"/> has this hasher's format (for configuration validation).</summary>
    public static bool IsWellFormed(string? stored)
    {
        var parts = (stored ?? string.Empty).Split('$');
        return parts.Length == 4 && parts[0] == Prefix
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) && iterations >= Iterations
            && parts[2].Length > 0 && parts[3].Length > 0;
    }
}
