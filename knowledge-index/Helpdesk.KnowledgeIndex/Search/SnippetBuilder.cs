using System.Buffers;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>
/// Picks the best passage of an article's prose for a query: sentences are pre-filtered by cheap substring keys,
/// the survivors are analyzed with the search analyzer (so stems, synonyms and folded forms match), and scored by
/// the weight of the distinct query words they contain plus a bonus for words close together.
/// </summary>
internal sealed partial class SnippetBuilder(Analyzer analyzer)
{
    /// <summary>Longest snippet, in characters.</summary>
    public const int MaxLength = 240;

    private const int MaxAnalyzedSentences = 8;
    private const string Ellipsis = "…";

    /// <summary>Builds the snippet; falls back to the start of <paramref name="fallback"/> when no sentence matches.</summary>
    public Snippet Build(string prose, SnippetTerms terms, string fallback)
    {
        var sentences = SplitSentences(prose);
        var best = (Score: 0f, Index: -1, Matches: (List<(int Start, int End)>?)null);
        foreach (var index in Candidates(prose, sentences, terms.Keys))
        {
            var (start, end) = sentences[index];
            var (score, found) = Score(prose[start..end], terms);
            if (score > best.Score)
            {
                best = (score, index, found);
            }
        }

        if (best.Index < 0)
        {
            var text = fallback.Length > 0 ? fallback : prose;
            return new Snippet(Crop(text, 0, []).Text, []);
        }

        var (sentenceStart, sentenceEnd) = sentences[best.Index];
        var matches = best.Matches!;
        if (sentenceEnd - sentenceStart < MaxLength / 2 && best.Index + 1 < sentences.Count)
        {
            var (nextStart, nextEnd) = sentences[best.Index + 1];
            var sameBlock = prose.AsSpan(sentenceEnd, nextStart - sentenceEnd).IndexOf('\n') < 0;
            if (sameBlock && nextEnd - sentenceStart <= MaxLength)
            {
                sentenceEnd = nextEnd;
                matches = Score(prose[sentenceStart..sentenceEnd], terms).Matches;
            }
        }

        var passage = prose[sentenceStart..sentenceEnd];
        return Crop(passage, matches[0].Start, matches);
    }

    /// <summary>Sentence ranges of the prose: blocks are separated by new lines, sentences by end punctuation.</summary>
    internal static List<(int Start, int End)> SplitSentences(string prose)
    {
        var sentences = new List<(int Start, int End)>();
        var blockStart = 0;
        while (blockStart < prose.Length)
        {
            var blockEnd = prose.IndexOf('\n', blockStart);
            if (blockEnd < 0)
            {
                blockEnd = prose.Length;
            }

            var start = blockStart;
            foreach (var boundary in SentenceBoundary().EnumerateMatches(prose.AsSpan(blockStart, blockEnd - blockStart)))
            {
                var end = blockStart + boundary.Index;
                if (end > start)
                {
                    sentences.Add((start, end));
                }

                start = blockStart + boundary.Index + boundary.Length;
            }

            if (blockEnd > start)
            {
                sentences.Add((start, blockEnd));
            }

            blockStart = blockEnd + 1;
        }

        return sentences;
    }

    private static IEnumerable<int> Candidates(string prose, List<(int Start, int End)> sentences, IReadOnlyCollection<string> keys)
    {
        if (sentences.Count == 0 || keys.Count == 0)
        {
            return [];
        }

        // Lower-cased once into a pooled buffer (the prose of a hit can be tens of kilobytes).
        var buffer = ArrayPool<char>.Shared.Rent(prose.Length);
        var hits = new Dictionary<int, int>();
        try
        {
            var lowered = buffer.AsSpan(0, prose.Length);
            prose.AsSpan().ToLowerInvariant(lowered);
            foreach (var key in keys)
            {
                // Occurrences come in text order, so a sentence counts once per key if it differs from the last one.
                var last = -1;
                var from = 0;
                for (var found = lowered.IndexOf(key, StringComparison.Ordinal); found >= 0; found = lowered[from..].IndexOf(key, StringComparison.Ordinal))
                {
                    var at = from + found;
                    var sentence = FindSentence(sentences, at);
                    if (sentence >= 0 && at < sentences[sentence].End && sentence != last)
                    {
                        last = sentence;
                        hits[sentence] = hits.GetValueOrDefault(sentence) + 1;
                    }

                    from = at + key.Length;
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        return hits.OrderByDescending(h => h.Value).ThenBy(h => h.Key).Take(MaxAnalyzedSentences).Select(h => h.Key);
    }

    /// <summary>Index of the last sentence starting at or before <paramref name="at"/>, or -1.</summary>
    private static int FindSentence(List<(int Start, int End)> sentences, int at)
    {
        var low = 0;
        var high = sentences.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var start = sentences[middle].Start;
            if (start == at)
            {
                return middle;
            }

            if (start < at)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return high;
    }

    private (float Score, List<(int Start, int End)> Matches) Score(string sentence, SnippetTerms terms)
    {
        var matches = new List<(int Start, int End)>();
        var groups = new List<int>();
        using (var stream = analyzer.GetTokenStream(string.Empty, new StringReader(sentence)))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (terms.GroupOfTerm.TryGetValue(term.ToString(), out var group))
                {
                    var span = (offset.StartOffset, offset.EndOffset);
                    if (matches.Count == 0 || matches[^1] != span)
                    {
                        matches.Add(span);
                        groups.Add(group);
                    }
                }
            }

            stream.End();
        }

        if (matches.Count == 0)
        {
            return (0f, matches);
        }

        var distinct = groups.Distinct().ToArray();
        var score = distinct.Sum(g => terms.GroupWeights[g]) + (0.1f * (groups.Count - distinct.Length));
        for (var i = 0; i + 1 < groups.Count; i++)
        {
            if (groups[i] != groups[i + 1] && matches[i + 1].Start - matches[i].End <= 12)
            {
                score += 0.5f;
            }
        }

        if (sentence.Length < 40)
        {
            score *= 0.8f;
        }

        return (score, matches);
    }

    /// <summary>Cuts <paramref name="text"/> to <see cref="MaxLength"/> around <paramref name="focus"/>, on word boundaries.</summary>
    private static Snippet Crop(string text, int focus, List<(int Start, int End)> matches)
    {
        var start = 0;
        var end = text.Length;
        if (text.Length > MaxLength)
        {
            start = Math.Max(0, Math.Min(focus - (MaxLength / 4), text.Length - MaxLength));
            if (start > 0)
            {
                var space = text.IndexOf(' ', start);
                start = space >= 0 && space < focus ? space + 1 : start;
            }

            end = Math.Min(text.Length, start + MaxLength);
            if (end < text.Length)
            {
                var space = text.LastIndexOf(' ', end - 1, end - start);
                end = space > start ? space : end;
            }
        }

        var prefix = start > 0 ? Ellipsis : string.Empty;
        var suffix = end < text.Length ? Ellipsis : string.Empty;
        var highlights = Merge(matches.Where(m => m.Start >= start && m.End <= end))
            .Select(m => new TextSpan(m.Start - start + prefix.Length, m.End - m.Start))
            .ToArray();
        return new Snippet(prefix + text[start..end].TrimEnd() + suffix, highlights);
    }

    /// <summary>Merges overlapping ranges (a synonym spanning "sign in" and the word "sign" become one).</summary>
    private static List<(int Start, int End)> Merge(IEnumerable<(int Start, int End)> ranges)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var range in ranges.OrderBy(r => r.Start).ThenByDescending(r => r.End))
        {
            if (merged.Count > 0 && range.Start < merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9""'(\[])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBoundary();
}
