using System.Collections.Frozen;
using System.Text;
using Helpdesk.KnowledgeIndex.Articles;

namespace Helpdesk.KnowledgeIndex.Semantic;

/// <summary>
/// Repairs what a hurried user types before the question goes to the embedding model, which, unlike the lexical
/// stage, has no fuzzy matching: a misspelt word ("outlok", "recieve", "onedirve") falls apart into sub-word pieces
/// that mean nothing, and contractions typed without the apostrophe ("cant", "doesnt") lose their negation.
/// <list type="bullet">
/// <item>A contraction typed without its apostrophe gets it back.</item>
/// <item>A word of at least <see cref="MinLength"/> letters that no article contains and the model does not know as a
/// whole word (<see cref="ITextEncoder.WholeWords"/>: "loop", "does", "suggesting" stay) becomes the most frequent article
/// word within one edit (two from <see cref="TwoEditsMinLength"/> letters; transpositions count as one) that starts
/// with the same letter, if there is one. Words the articles contain are never changed.</item>
/// </list>
/// The same limits as the lexical typo tolerance (<see cref="Search.SearchTuning"/>). Built from the articles the
/// reranker embeds; immutable and thread-safe.
/// </summary>
internal sealed class QuerySpelling
{
    /// <summary>Shortest word corrected.</summary>
    public const int MinLength = 4;

    /// <summary>Shortest word allowed two edits.</summary>
    public const int TwoEditsMinLength = 8;

    private const int MaxLength = 20;

    private static readonly FrozenDictionary<string, string> Contractions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cant"] = "can't", ["wont"] = "won't", ["dont"] = "don't", ["doesnt"] = "doesn't", ["didnt"] = "didn't",
        ["isnt"] = "isn't", ["arent"] = "aren't", ["wasnt"] = "wasn't", ["werent"] = "weren't", ["havent"] = "haven't",
        ["hasnt"] = "hasn't", ["couldnt"] = "couldn't", ["wouldnt"] = "wouldn't", ["shouldnt"] = "shouldn't",
        ["im"] = "I'm", ["ive"] = "I've", ["youre"] = "you're", ["thats"] = "that's", ["whats"] = "what's",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, int> _counts;
    private readonly FrozenDictionary<char, string[]> _byInitial;
    private readonly IReadOnlySet<string> _known;

    private QuerySpelling(Dictionary<string, int> counts, IReadOnlySet<string> known)
    {
        _known = known;
        _counts = counts.ToFrozenDictionary(StringComparer.Ordinal);
        _byInitial = counts.Keys
            .Where(w => w.Length >= MinLength - 1)
            .GroupBy(w => w[0])
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(w => counts[w]).ThenBy(w => w, StringComparer.Ordinal).ToArray());
    }

    /// <summary>No vocabulary: only contractions are repaired.</summary>
    public static QuerySpelling Empty { get; } = new([], FrozenSet<string>.Empty);

    /// <summary>Distinct words known.</summary>
    public int Words => _counts.Count;

    /// <summary>The vocabulary of <paramref name="articles"/>: every word of their titles, summaries, aliases, tags and bodies.</summary>
    /// <param name="articles">The articles.</param>
    /// <param name="known">Further words never corrected (the model's whole words); null for none.</param>
    public static QuerySpelling From(IEnumerable<KnowledgeArticle> articles, IReadOnlySet<string>? known = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[MaxLength];
        foreach (var article in articles)
        {
            Count(article.Title, lookup, buffer);
            Count(article.Summary, lookup, buffer);
            foreach (var alias in article.Aliases)
            {
                Count(alias, lookup, buffer);
            }

            foreach (var tag in article.Tags)
            {
                Count(tag, lookup, buffer);
            }

            Count(article.Markdown, lookup, buffer);
        }

        return new QuerySpelling(counts, known ?? FrozenSet<string>.Empty);
    }

    /// <summary><paramref name="text"/> with its contractions and misspelt words repaired; the same instance when nothing changed.</summary>
    public string Correct(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? result = null;
        var copied = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            // A word glued to an apostrophe, digit or other letter class is left alone ("don't", "win11", "café").
            if ((start > 0 && IsWordJoiner(text[start - 1])) || (i < text.Length && IsWordJoiner(text[i])))
            {
                continue;
            }

            var word = text[start..i].ToLowerInvariant();
            if (Replacement(word) is not { } replacement)
            {
                continue;
            }

            result ??= new StringBuilder(text.Length + 8);
            result.Append(text, copied, start - copied).Append(replacement);
            copied = i;
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsWordJoiner(char c) => c is '\'' or '\u2019' or '-' or '_' || char.IsLetterOrDigit(c);

    private string? Replacement(string word)
    {
        if (Contractions.TryGetValue(word, out var contraction))
        {
            return contraction;
        }

        if (word.Length < MinLength || word.Length > MaxLength || _counts.ContainsKey(word) || _known.Contains(word) || !_byInitial.TryGetValue(word[0], out var candidates))
        {
            return null;
        }

        var maxEdits = word.Length >= TwoEditsMinLength ? 2 : 1;
        string? best = null;
        var bestEdits = maxEdits + 1;
        var rows = new int[3 * (MaxLength + 1)];
        foreach (var candidate in candidates)
        {
            // Most frequent first: a candidate only wins with fewer edits than every more frequent one.
            if (Math.Abs(candidate.Length - word.Length) >= bestEdits)
            {
                continue;
            }

            var edits = EditDistance(word, candidate, bestEdits - 1, rows);
            if (edits < bestEdits)
            {
                (best, bestEdits) = (candidate, edits);
                if (edits == 1)
                {
                    break;
                }
            }
        }

        return best;
    }

    /// <summary>Optimal-string-alignment distance (adjacent transposition = one edit), or limit + 1 when above <paramref name="limit"/>.</summary>
    internal static int EditDistance(string a, string b, int limit, int[]? rows = null)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var width = b.Length + 1;
        rows = rows is not null && rows.Length >= 3 * width ? rows : new int[3 * width];
        var previous2 = new ArraySegment<int>(rows, 0, width);
        var previous = new ArraySegment<int>(rows, width, width);
        var current = new ArraySegment<int>(rows, 2 * width, width);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length] <= limit ? previous[b.Length] : limit + 1;
    }

    private static void Count(string? text, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> counts, Span<char> buffer)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            var length = i - start;
            if (length < 2 || length > MaxLength)
            {
                continue;
            }

            var word = buffer[..length];
            text.AsSpan(start, length).ToLowerInvariant(word);
            counts[word] = counts.TryGetValue(word, out var n) ? n + 1 : 1;
        }
    }
}
