using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>
/// Typo expansion for one query against one index snapshot: gives the same query as rewriting
/// <c>new FuzzyQuery(term, maxEdits, prefixLength, maxExpansions, transpositions: true)</c> (Lucene's top-terms
/// scoring rewrite: the <c>maxExpansions</c> index terms with the highest similarity
/// <c>1 - edits / min(length, query word length)</c>, ties to the lower term, as term queries boosted by the fuzzy
/// query's boost times that similarity), without Lucene's Levenshtein automata, whose compilation costs 1-3 MB and
/// most of a typo query's time. Instead the terms sharing the prefix are scanned once and measured with a bounded
/// edit distance (insertions, deletions, substitutions and adjacent transpositions each count one, as in the
/// automata). Each expansion is computed once per query, however often the query builder asks for it (the first
/// stage and the all-fuzzy fallback both do). Not thread-safe; one instance per query.
/// </summary>
internal sealed class FuzzyExpansion(IndexSearcher searcher)
{
    private readonly Dictionary<FuzzyQuery, Query> _rewritten = [];
    private readonly BytesRef _prefix = new();
    private readonly Int32sRef _candidate = new();
    private int[] _rows = new int[3 * 32];

    /// <summary>How many expansions were computed rather than reused (for tests).</summary>
    public int Computed { get; private set; }

    /// <summary>The rewritten form of <c>new FuzzyQuery(term, maxEdits, prefixLength, maxExpansions, transpositions) { Boost = boost }</c>.</summary>
    public Query Expand(Term term, int maxEdits, int prefixLength, int maxExpansions, bool transpositions, float boost)
    {
        var query = new FuzzyQuery(term, maxEdits, prefixLength, maxExpansions, transpositions) { Boost = boost };
        if (!_rewritten.TryGetValue(query, out var rewritten))
        {
            // Outside what the scan reproduces (no edits, a prefix covering the word, plain Levenshtein), Lucene rewrites.
            Query scanned = transpositions && maxEdits is 1 or 2 && prefixLength < term.Text.Length && maxExpansions > 0
                ? Scan(term, maxEdits, prefixLength, Math.Min(maxExpansions, BooleanQuery.MaxClauseCount), boost)
                : query;
            rewritten = searcher.Rewrite(scanned);
            _rewritten[query] = rewritten;
            Computed++;
        }

        return rewritten;
    }

    private BooleanQuery Scan(Term term, int maxEdits, int prefixLength, int maxSize, float boost)
    {
        var text = ToCodePoints(term.Text);
        var prefix = Math.Min(prefixLength, text.Length);
        _prefix.CopyChars(term.Text[..CharIndex(term.Text, prefix)]);
        var top = new List<Candidate>(maxSize + 1);
        var reader = searcher.IndexReader;
        foreach (var leaf in reader.Leaves)
        {
            var termsEnum = leaf.AtomicReader.GetTerms(term.Field)?.GetEnumerator();
            if (termsEnum is null || termsEnum.SeekCeil(_prefix) == TermsEnum.SeekStatus.END)
            {
                continue;
            }

            var more = true;
            for (var bytes = termsEnum.Term; more && StringHelper.StartsWith(bytes, _prefix); more = termsEnum.MoveNext(), bytes = termsEnum.Term)
            {
                UnicodeUtil.UTF8toUTF32(bytes, _candidate);
                var length = _candidate.Length;
                if (Math.Abs(length - text.Length) > maxEdits)
                {
                    continue;
                }

                var edits = Distance(text, prefix, _candidate.Int32s, _candidate.Offset + prefix, length - prefix, maxEdits);
                if (edits > maxEdits)
                {
                    continue;
                }

                var similarity = edits == 0 ? 1f : 1.0f - ((float)edits / (float)Math.Min(length, text.Length));
                if (edits > 0 && !(similarity > 0f))
                {
                    continue;
                }

                Collect(top, maxSize, bytes, similarity, termsEnum, leaf.Ord, reader.Context);
            }
        }

        top.Sort((a, b) => a.Bytes.CompareTo(b.Bytes));
        var expanded = new BooleanQuery(disableCoord: true);
        foreach (var candidate in top)
        {
            expanded.Add(new TermQuery(new Term(term.Field, candidate.Bytes), candidate.States) { Boost = boost * candidate.Similarity }, Occur.SHOULD);
        }

        return expanded;
    }

    /// <summary>Keeps the best <paramref name="maxSize"/> terms: higher similarity first, then the lower term.</summary>
    private static void Collect(List<Candidate> top, int maxSize, BytesRef bytes, float similarity, TermsEnum termsEnum, int ord, IndexReaderContext context)
    {
        if (top.Count == maxSize)
        {
            var worst = top[Worst(top)];
            if (similarity < worst.Similarity || (similarity == worst.Similarity && bytes.CompareTo(worst.Bytes) > 0))
            {
                return;
            }
        }

        foreach (var existing in top)
        {
            if (existing.Bytes.Equals(bytes))
            {
                existing.States.Register(termsEnum.GetTermState(), ord, termsEnum.DocFreq, termsEnum.TotalTermFreq);
                return;
            }
        }

        var states = new TermContext(context);
        states.Register(termsEnum.GetTermState(), ord, termsEnum.DocFreq, termsEnum.TotalTermFreq);
        top.Add(new Candidate(BytesRef.DeepCopyOf(bytes), similarity, states));
        if (top.Count > maxSize)
        {
            top.RemoveAt(Worst(top));
        }
    }

    private static int Worst(List<Candidate> top)
    {
        var worst = 0;
        for (var i = 1; i < top.Count; i++)
        {
            var (a, b) = (top[i], top[worst]);
            if (a.Similarity < b.Similarity || (a.Similarity == b.Similarity && a.Bytes.CompareTo(b.Bytes) > 0))
            {
                worst = i;
            }
        }

        return worst;
    }

    /// <summary>
    /// Edit distance (optimal string alignment: insert, delete, substitute, swap adjacent) between
    /// <paramref name="text"/> from <paramref name="start"/> and the candidate's code points, or
    /// <paramref name="max"/> + 1 as soon as it must exceed <paramref name="max"/>.
    /// </summary>
    private int Distance(int[] text, int start, int[] candidate, int offset, int length, int max)
    {
        var n = text.Length - start;
        var width = length + 1;
        if (_rows.Length < 3 * width)
        {
            _rows = new int[3 * width];
        }

        var rows = _rows.AsSpan(0, 3 * width);
        var twoBack = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j <= length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= n; i++)
        {
            current[0] = i;
            var rowMin = i;
            var a = text[start + i - 1];
            for (var j = 1; j <= length; j++)
            {
                var b = candidate[offset + j - 1];
                var cost = a == b ? 0 : 1;
                var value = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a == candidate[offset + j - 2] && text[start + i - 2] == b)
                {
                    value = Math.Min(value, twoBack[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var recycled = twoBack;
            twoBack = previous;
            previous = current;
            current = recycled;
        }

        return Math.Min(previous[length], max + 1);
    }

    private static int[] ToCodePoints(string text)
    {
        var points = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            points.Add(char.ConvertToUtf32(text, i));
        }

        return [.. points];
    }

    private static int CharIndex(string text, int codePoints)
    {
        var index = 0;
        for (var i = 0; i < codePoints; i++)
        {
            index += char.IsSurrogatePair(text, index) ? 2 : 1;
        }

        return index;
    }

    private sealed record Candidate(BytesRef Bytes, float Similarity, TermContext States);
}
