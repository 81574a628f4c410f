using System.Text.RegularExpressions;

namespace Helpdesk.Bot.Channels.Slack;

/// <summary>
/// Text between Slack's mrkdwn and the bot's Markdown. Inbound: the bot's own mention is removed, other mentions,
/// channel links and URLs become readable text, entities are decoded. Outbound: **bold**, _italics_, headings,
/// bullets, ~~strike~~ and [links](url) become their mrkdwn forms, and &amp;, &lt;, &gt; are escaped.
/// </summary>
internal static partial class SlackMrkdwn
{
    /// <summary>What the user typed, as plain text for the dialogs.</summary>
    public static string ToPlainText(string? mrkdwn, string? botUserId)
    {
        if (string.IsNullOrEmpty(mrkdwn))
        {
            return string.Empty;
        }

        var text = Reference().Replace(mrkdwn, match =>
        {
            var target = match.Groups["target"].Value;
            var label = match.Groups["label"].Success ? match.Groups["label"].Value : null;
            return target[0] switch
            {
                '@' when botUserId is not null && target.AsSpan(1).Equals(botUserId, StringComparison.Ordinal) => " ",
                '@' => "@" + (label ?? target[1..]),
                '#' => "#" + (label ?? target[1..]),
                '!' => label ?? "@" + target[1..].Split('^')[0],
                _ => label ?? target,
            };
        });
        text = text.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
        return Spaces().Replace(text, " ").Trim();
    }

    /// <summary>The bot's Markdown as Slack mrkdwn.</summary>
    public static string FromMarkdown(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return string.Empty;
        }

        var text = Escape(markdown);
        text = Link().Replace(text, "<${url}|${label}>");
        text = Heading().Replace(text, "\u0001${text}\u0001");
        text = Bullet().Replace(text, "${indent}• ");
        text = Bold().Replace(text, "\u0001${text}\u0001");
        text = Italic().Replace(text, "_${text}_");
        text = Strike().Replace(text, "~${text}~");
        return text.Replace('\u0001', '*');
    }

    /// <summary>Escapes the three characters Slack reserves (&amp;, &lt;, &gt;).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<(?<target>[^<>|]+)(\|(?<label>[^<>]*))?>")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\[(?<label>[^\]]+)\]\((?<url>(https?|mailto|tel):[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6}[ \t]+(?<text>.+?)[ \t]*#*[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?<indent>[ \t]*)[-*+][ \t]+", RegexOptions.Multiline)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"(\*\*|__)(?<text>\S(.*?\S)?)\1")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![\*\w])\*(?<text>[^\s*](.*?[^\s*])?)\*(?![\*\w])")]
    private static partial Regex Italic();

    [GeneratedRegex(@"~~(?<text>\S(.*?\S)?)~~")]
    private static partial Regex Strike();
}
