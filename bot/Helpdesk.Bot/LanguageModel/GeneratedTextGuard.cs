using System.Text.RegularExpressions;
using Helpdesk.Bot.Core.Dialogs.Choices;

namespace Helpdesk.Bot.LanguageModel;

/// <summary>
/// Checks generated text before anyone sees it; a text that fails is dropped (the offline path answers). It must not:
/// repeat the system prompt (six words in a row from it), carry links or HTML (the bot adds the article links itself),
/// claim an action ("I've reset your password", "your account is now unlocked", "the ticket has been closed" — actions
/// happen only through the dialogs' verified steps), or state a password.
/// </summary>
internal static partial class GeneratedTextGuard
{
    private const int LeakWords = 6;

    /// <summary>Why <paramref name="text"/> is refused, or null when it may be shown.</summary>
    public static string? Check(string text, string systemPrompt, bool allowActionWords = false)
    {
        if (Link().IsMatch(text))
        {
            return "link";
        }

        if (Html().IsMatch(text))
        {
            return "html";
        }

        if (Leaks(text, systemPrompt))
        {
            return "prompt";
        }

        if (StatedPassword().IsMatch(text))
        {
            return "password";
        }

        if (!allowActionWords && (ClaimedAction().IsMatch(text) || ClaimedState().IsMatch(text)))
        {
            return "action";
        }

        return FirstPersonAction().IsMatch(text) ? "action" : null;
    }

    /// <summary>True when <paramref name="text"/> contains <see cref="LeakWords"/> consecutive words of <paramref name="systemPrompt"/>.</summary>
    public static bool Leaks(string text, string systemPrompt)
    {
        var said = Words(text);
        if (said.Length < LeakWords)
        {
            return false;
        }

        var prompt = Words(systemPrompt);
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + LeakWords <= prompt.Length; i++)
        {
            shingles.Add(string.Join(' ', prompt, i, LeakWords));
        }

        for (var i = 0; i + LeakWords <= said.Length; i++)
        {
            if (shingles.Contains(string.Join(' ', said, i, LeakWords)))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] Words(string text) => TextNormalizer.Tokenize(TextNormalizer.Normalize(text));

    [GeneratedRegex(@"https?:|www\.|\]\(|mailto:|ftp:|file:|javascript:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"<\s*/?\s*[a-z!]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Html();

    [GeneratedRegex(@"\b(new|temporary|temp|your|the)\s+password\s*(is|was|will be|:|=)\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatedPassword();

    /// <summary>"I've reset…", "I have unlocked…", "I reset…", "we've closed…".</summary>
    [GeneratedRegex(@"\b(i|we)\s*(('ve|’ve|\s+have|\s+just|\s+already)\s+)*(reset|unlocked|changed|updated|closed|resolved|cancell?ed|deleted|disabled|enabled|granted|approved|created|reopened|escalated|verified)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FirstPersonAction();

    /// <summary>"Your password has been reset", "your account is now unlocked", "the ticket has been closed".</summary>
    [GeneratedRegex(@"\b(your|the|this)\s+(password|account|ticket|case|request|mfa|access)\s+(has\s+been|have\s+been|is\s+now|was\s+(just\s+)?|is\s+already)\s*(reset|unlocked|changed|closed|resolved|cancell?ed|deleted|approved|granted|updated)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClaimedState();

    /// <summary>"Done: reset", "password reset complete(d)", "unlock successful".</summary>
    [GeneratedRegex(@"\b(reset|unlock|password change)\s+(is\s+)?(complete|completed|successful|done)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClaimedAction();
}
