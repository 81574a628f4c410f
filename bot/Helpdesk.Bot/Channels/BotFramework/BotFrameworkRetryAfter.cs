using System.Globalization;

namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>Reads an HTTP <c>Retry-After</c> value (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.</summary>
internal static class BotFrameworkRetryAfter
{
    private static readonly string[] HttpDateFormats =
    [
        "r", // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        "dddd, dd-MMM-yy HH:mm:ss 'GMT'", // obsolete RFC 850
        "ddd MMM d HH:mm:ss yyyy", // obsolete asctime
    ];

    /// <summary>
    /// The wait <paramref name="value"/> asks for, measured from <paramref name="now"/>; a date in the past is zero.
    /// Null when the value is missing or not a valid Retry-After.
    /// </summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.All(char.IsAsciiDigit))
        {
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= TimeSpan.MaxValue.TotalSeconds
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.MaxValue;
        }

        if (DateTimeOffset.TryParseExact(text, HttpDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>The Retry-After of <paramref name="response"/> (raw header, so odd values are seen too).</summary>
    public static TimeSpan? From(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.NonValidated.TryGetValues("Retry-After", out var values) ? Parse(values.FirstOrDefault(), now) : null;
    }
}
