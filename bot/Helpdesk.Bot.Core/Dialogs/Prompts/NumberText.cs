using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Helpdesk.Bot.Core.Dialogs.Prompts;

/// <summary>
/// Reads a number from a message, culture-invariant ("." decimal separator, no thousands separators, so "3,5" is not
/// silently read as 35): the whole message ("42", "-1.5", " 7 ") or, failing that, the single number in it
/// ("about 3 days"). Two numbers in one message are not guessed between.
/// </summary>
internal static partial class NumberText
{
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, INumber<T>
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (T.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        var matches = NumberPattern().Matches(text);
        return matches.Count == 1 && T.TryParse(matches[0].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex(@"(?<![\w.,])[-+]?\d+(?:\.\d+)?(?![\w,]|\.\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex NumberPattern();
}
