using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Bot.Handoff.Itsm;

/// <summary>
/// The webhook signature: <c>X-Helpdesk-Signature: sha256=hex(HMAC-SHA256(secret, "{timestamp}.{body}"))</c> with
/// <c>X-Helpdesk-Timestamp</c> (Unix seconds), so a receiver can reject forged and replayed deliveries.
/// </summary>
internal static class WebhookSignature
{
    public const string SignatureHeader = "X-Helpdesk-Signature";
    public const string TimestampHeader = "X-Helpdesk-Timestamp";
    public const string EventHeader = "X-Helpdesk-Event";
    public const string DeliveryHeader = "X-Helpdesk-Delivery";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>What a receiver does: same signature (constant-time) and a timestamp within <paramref name="tolerance"/>.</summary>
    public static bool Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp) || signatureHeader is null
            || Math.Abs(now.ToUnixTimeSeconds() - timestamp) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signatureHeader));
    }
}
