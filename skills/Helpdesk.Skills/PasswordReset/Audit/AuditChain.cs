using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Skills.PasswordReset.Audit;

/// <summary>The hash chain of the audit log: each record's hash covers the previous hash and every field of the record.</summary>
public static class AuditChain
{
    /// <summary>The hash before the first record.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string HashOf(string previousHash, long sequence, DateTimeOffset at, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var canonical = string.Join(
            '\u001f',
            previousHash,
            sequence.ToString(CultureInfo.InvariantCulture),
            at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            entry.Event,
            entry.Account,
            entry.Channel,
            entry.ConversationId ?? string.Empty,
            entry.Source ?? string.Empty,
            entry.Outcome,
            entry.Detail ?? string.Empty);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))).ToLowerInvariant();
    }
}
