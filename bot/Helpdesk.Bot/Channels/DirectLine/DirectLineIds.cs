using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;

namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>
/// Identifiers Direct Line hands out: conversation ids, activity ids <c>{conversationId}|0000001</c> (the
/// sequence number is also the watermark) and unguessable user ids <c>dl_…</c>.
/// </summary>
internal static class DirectLineIds
{
    public const string UserIdPrefix = "dl_";
    public const int MaxConversationIdLength = 128;
    public const int MaxUserIdLength = 256;

    private static readonly System.Buffers.SearchValues<char> UrlSafeCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>A new conversation id: 18 random bytes, URL-safe (24 characters).</summary>
    public static string NewConversationId() => Random(18);

    /// <summary>A new user id: <c>dl_</c> and 16 random bytes, URL-safe (25 characters).</summary>
    public static string NewUserId() => UserIdPrefix + Random(16);

    /// <summary>The id of the activity stored at <paramref name="sequence"/> in a conversation.</summary>
    public static string ActivityId(string conversationId, long sequence) =>
        conversationId + "|" + sequence.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>An id for an activity that is streamed but not stored (typing).</summary>
    public static string EphemeralActivityId(string conversationId) => conversationId + "|t" + Random(9);

    /// <summary>True for ids this server could have issued (URL-safe, no separators, bounded length).</summary>
    public static bool IsValidConversationId(string? conversationId) =>
        !string.IsNullOrEmpty(conversationId) && conversationId.Length <= MaxConversationIdLength && conversationId.All(IsUrlSafe);

    /// <summary>True for a user id shaped like the ones <see cref="NewUserId"/> makes (prefix and ≥ 16 random bytes).</summary>
    public static bool IsMintedUserId(string? userId) =>
        userId is { Length: >= 25 and <= 89 }
        && userId.StartsWith(UserIdPrefix, StringComparison.Ordinal)
        && userId.AsSpan(UserIdPrefix.Length).IndexOfAnyExcept(UrlSafeCharacters) < 0;

    /// <summary>Parses a watermark (the last sequence number a client saw). Empty means none.</summary>
    public static bool TryParseWatermark(string? value, out long? watermark)
    {
        watermark = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            watermark = parsed;
            return true;
        }

        return false;
    }

    public static string FormatWatermark(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);

    private static bool IsUrlSafe(char c) => UrlSafeCharacters.Contains(c);

    private static string Random(int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(buffer);
        return Base64Url.EncodeToString(buffer);
    }
}
