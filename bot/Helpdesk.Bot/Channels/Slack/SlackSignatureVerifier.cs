using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Bot.Channels.Slack;

/// <summary>
/// Slack's request signing (api.slack.com/authentication/verifying-requests-from-slack): <c>X-Slack-Signature</c> is
/// <c>v0=</c> + hex HMAC-SHA256, keyed with the signing secret, of <c>v0:{X-Slack-Request-Timestamp}:{raw body}</c>.
/// The timestamp must lie within the replay window of now; the comparison is constant-time. Pure: no HTTP.
/// </summary>
internal static class SlackSignatureVerifier
{
    /// <summary>The signature Slack would send for <paramref name="body"/> at <paramref name="timestamp"/>.</summary>
    public static string Sign(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        ArgumentException.ThrowIfNullOrEmpty(timestamp);
        var prefix = Encoding.UTF8.GetBytes($"{SlackProtocol.SignatureVersion}:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), message);
        return SlackProtocol.SignatureVersion + "=" + Convert.ToHexStringLower(mac);
    }

    public static SlackSignatureResult Verify(
        string signingSecret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        if (string.IsNullOrWhiteSpace(timestampHeader) || string.IsNullOrWhiteSpace(signatureHeader))
        {
            return SlackSignatureResult.MissingHeaders;
        }

        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return SlackSignatureResult.MalformedTimestamp;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > tolerance)
        {
            return SlackSignatureResult.OutsideReplayWindow;
        }

        if (!signatureHeader.StartsWith(SlackProtocol.SignatureVersion + "=", StringComparison.Ordinal))
        {
            return SlackSignatureResult.WrongVersion;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(signingSecret, timestampHeader, body));
        var actual = Encoding.ASCII.GetBytes(signatureHeader.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? SlackSignatureResult.Valid : SlackSignatureResult.Mismatch;
    }
}
