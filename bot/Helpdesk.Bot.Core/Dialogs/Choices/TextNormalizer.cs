using System.Text;

namespace Helpdesk.Bot.Core.Dialogs.Choices;

/// <summary>
/// Puts utterances and choice texts in one comparable form: lower case, apostrophes dropped ("don't" → "dont"),
/// every other non-alphanumeric character a word break, single spaces, trimmed.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            if (raw is '\'' or '\u2019' or '\u2018')
            {
                continue;
            }

            if (char.IsLetterOrDigit(raw))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(raw));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="word"/> has a digit (numbers only match exactly, never as typos).</summary>
    public static bool ContainsDigit(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        foreach (var c in word)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    public static string[] Tokenize(string normalized) =>
        normalized.Length == 0 ? [] : normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
