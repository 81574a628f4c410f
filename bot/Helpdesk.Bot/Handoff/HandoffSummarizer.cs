using System.Globalization;
using System.Text;
using Helpdesk.Bot.Core.Dialogs.Choices;

namespace Helpdesk.Bot.Handoff;

/// <summary>
/// The agent's one-paragraph summary, extractive: the escalation reason, the user's own first substantive
/// messages (quoted), the captured error text, the identity status, and what was tried. Nothing is generated.
/// </summary>
internal static class HandoffSummarizer
{
    private const int MaxQuoted = 2;
    private const int MaxQuoteLength = 200;

    /// <summary>User messages that carry no problem description (menu picks, commands, greetings, yes/no).</summary>
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        "hi", "hello", "hey", "help", "menu", "cancel", "start over", "agent", "human", "person", "yes", "no", "ok", "okay",
        "talk to a person", "talk to someone", "talk to a human", "fix a problem", "reset my password", "unlock my account",
        "search help articles", "thanks", "thank you", "1", "2", "3", "4", "5",
    };

    public static string Summarize(
        string reason,
        IEnumerable<TranscriptLine> transcript,
        string? errorText,
        HandoffUser user,
        IReadOnlyList<HandoffStep> steps,
        IReadOnlyList<HandoffArticle> articles)
    {
        var summary = new StringBuilder();
        Sentence(summary, reason);
        var quotes = transcript
            .Where(l => l.From == "user" && IsSubstantive(l.Text))
            .Select(l => Truncate(l.Text.Trim()))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxQuoted)
            .ToList();
        if (quotes.Count > 0)
        {
            Sentence(summary, "User said: " + string.Join(" / ", quotes.Select(q => $"\"{q}\"")));
        }

        if (!string.IsNullOrWhiteSpace(errorText))
        {
            Sentence(summary, $"Error: \"{Truncate(errorText.Trim())}\"");
        }

        if (user.Account is not null)
        {
            Sentence(summary, user.Verified
                ? $"Identity {user.Account} verified ({user.VerificationMethod ?? "second factor"})"
                : $"Identity {user.Account} NOT verified");
        }

        if (steps.Count > 0)
        {
            var last = steps[^1];
            Sentence(summary, string.Create(CultureInfo.InvariantCulture, $"Tried {steps.Count} step{(steps.Count == 1 ? string.Empty : "s")}; last: \"{Truncate(last.Step)}\"{(last.Answer is null ? string.Empty : $" → \"{Truncate(last.Answer)}\"")}"));
        }

        if (articles.Count > 0)
        {
            var notHelpful = articles.Count(a => a.Helped == false);
            Sentence(summary, string.Create(CultureInfo.InvariantCulture, $"{articles.Count} article{(articles.Count == 1 ? string.Empty : "s")} shown ({notHelpful} not helpful): {string.Join(", ", articles.Select(a => a.Title).Distinct(StringComparer.Ordinal).Take(3))}"));
        }

        return summary.ToString().Trim();
    }

    private static bool IsSubstantive(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length < 8 || Noise.Contains(normalized) || text.Contains(Core.Redaction.RedactionMarker.Text, StringComparison.Ordinal))
        {
            return false;
        }

        return normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3;
    }

    private static string Truncate(string text) => text.Length <= MaxQuoteLength ? text : text[..(MaxQuoteLength - 1)] + "…";

    private static void Sentence(StringBuilder summary, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return;
        }

        summary.Append(trimmed);
        if (!trimmed.EndsWith('.') && !trimmed.EndsWith('"') && !trimmed.EndsWith('!') && !trimmed.EndsWith('?'))
        {
            summary.Append('.');
        }

        summary.Append(' ');
    }
}
