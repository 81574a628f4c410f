using System.Globalization;

namespace Helpdesk.Bot.WebChat;

/// <summary>Colours derived from the brand colour: readable text on it and a darker shade for hover/focus.</summary>
internal static class BrandPalette
{
    private const string LightText = "#ffffff";
    private const string DarkText = "#1b1b1b";

    /// <summary>White or near-black, whichever has the higher WCAG contrast ratio against <paramref name="hex"/>.</summary>
    public static string ForegroundFor(string hex)
    {
        var luminance = RelativeLuminance(Parse(hex));
        var contrastWithWhite = 1.05 / (luminance + 0.05);
        var contrastWithDark = (luminance + 0.05) / (RelativeLuminance((0x1b, 0x1b, 0x1b)) + 0.05);
        return contrastWithWhite >= contrastWithDark ? LightText : DarkText;
    }

    /// <summary>The colour with each channel scaled towards black by <paramref name="amount"/> (0..1).</summary>
    public static string Darken(string hex, double amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(amount, 1);
        var (r, g, b) = Parse(hex);
        return string.Create(CultureInfo.InvariantCulture, $"#{Scale(r):x2}{Scale(g):x2}{Scale(b):x2}");

        int Scale(int channel) => (int)Math.Round(channel * (1 - amount));
    }

    private static (int R, int G, int B) Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 7 || hex[0] != '#' || !int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            throw new FormatException("Expected a colour like #0f6cbd.");
        }

        return ((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }

    private static double RelativeLuminance((int R, int G, int B) colour) =>
        (0.2126 * Linear(colour.R)) + (0.7152 * Linear(colour.G)) + (0.0722 * Linear(colour.B));

    private static double Linear(int channel)
    {
        var c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
