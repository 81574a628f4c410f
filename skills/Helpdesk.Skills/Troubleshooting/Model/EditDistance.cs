namespace Helpdesk.Skills.Troubleshooting.Model;

/// <summary>Levenshtein distance between two words (typo tolerance and "did you mean" suggestions).</summary>
internal static class EditDistance
{
    public static int Between(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length == 0)
        {
            return b.Length;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

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
