namespace Helpdesk.Skills.Troubleshooting.Model;

/// <summary>Levenshtein distance between two words (typo tolerance and "did you mean" suggestions).</summary>
internal static class EditDistance
{
    public static int Between(string a, string b) => Helpdesk.Bot.Core.Dialogs.Choices.Levenshtein.Distance(a, b);

    /// <summary>The candidate closest to <paramref name="word"/> when it is a plausible typo of it, else null.</summary>
    public static string? Suggest(string word, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var best = candidates
            .Select(c => (Candidate: c, Distance: Between(word, c)))
            .Where(c => c.Distance <= Math.Max(2, word.Length / 3))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Candidate;
    }
}
