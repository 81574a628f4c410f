using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>
/// Scores the first-stage word query term at a time: every field clause's postings are read straight through once
/// and its scores are accumulated into per-document arrays, instead of Lucene's document-at-a-time merge (a priority
/// queue of all the field clauses of a word, re-ordered at every posting, under a bucket table per 2,048 documents).
/// On a large index the words users type most ("microsoft", "365", "error") are in most articles, so one query
/// reads hundreds of thousands of postings, and that merge was most of its time.
/// <para/>
/// The query shape is the one <see cref="KnowledgeQueryBuilder"/> builds (see <see cref="QueryWords"/>): a
/// coordinated disjunction of words, each a disjunction-max over field clauses with a tie-breaker. Scores are Lucene's: each clause's score comes from its
/// own Lucene scorer (BM25 under the query norm of 1, so a clause scores alone exactly as inside the whole query),
/// a word scores max + tie-breaker × (sum − max) of its clauses, and a document scores the sum of its words (in
/// double, as Lucene's bucket table) times the coordination factor for the number of words it matched. Only the
/// order in which a word's clause scores are added can differ from Lucene's (a rounding difference in the last
/// bit). Top documents are ordered as Lucene's collector orders them: score, then lower document number. Any other
/// query shape goes to Lucene unchanged.
/// </summary>
internal static class WordQueryScorer
{
    /// <summary>Documents scored together: the per-document arrays stay small enough for the processor's cache.</summary>
    internal const int WindowSize = 8192;

    /// <summary>The top <paramref name="n"/> documents of <paramref name="query"/> and the number of matches.</summary>
    public static TopDocs Search(IndexSearcher searcher, Query query, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (QueryWords.Of(query) is not (var words, var coordDisabled))
        {
            return searcher.Search(query, n);
        }

        var coord = QueryWords.CoordFactors(searcher, words.Count, coordDisabled);
        var weights = words.Select(w => w.Clauses.Select(searcher.CreateNormalizedWeight).ToArray()).ToArray();
        var tieBreakers = words.Select(w => w.TieBreaker).ToArray();
        var top = new TopHits(n);
        var buffers = new WindowBuffers();
        try
        {
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                ScoreLeaf(leaf, weights, tieBreakers, coord, buffers, top);
            }
        }
        finally
        {
            buffers.Return();
        }

        return top.ToTopDocs();
    }

    private static void ScoreLeaf(AtomicReaderContext leaf, Weight[][] weights, float[] tieBreakers, double[] coord, WindowBuffers b, TopHits top)
    {
        var scorers = new Scorer?[weights.Length][];
        var next = new int[weights.Length][];
        for (var w = 0; w < weights.Length; w++)
        {
            scorers[w] = new Scorer?[weights[w].Length];
            next[w] = new int[weights[w].Length];
            for (var c = 0; c < weights[w].Length; c++)
            {
                var scorer = weights[w][c].GetScorer(leaf, leaf.AtomicReader.LiveDocs);
                scorers[w][c] = scorer;
                next[w][c] = scorer?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS;
            }
        }

        var maxDoc = leaf.AtomicReader.MaxDoc;
        for (var start = 0; start < maxDoc; start += WindowSize)
        {
            var end = Math.Min(start + WindowSize, maxDoc);
            var touchedCount = 0;
            for (var w = 0; w < scorers.Length; w++)
            {
                var wordCount = 0;
                for (var c = 0; c < scorers[w].Length; c++)
                {
                    var doc = next[w][c];
                    if (doc >= end)
                    {
                        continue;
                    }

                    var scorer = scorers[w][c]!;
                    do
                    {
                        var i = doc - start;
                        var score = scorer.GetScore();
                        var max = b.WordMax[i];
                        if (float.IsNaN(max))
                        {
                            b.WordMax[i] = score;
                            b.WordSum[i] = score;
                            b.WordDocs[wordCount++] = i;
                        }
                        else
                        {
                            b.WordSum[i] += score;
                            if (score > max)
                            {
                                b.WordMax[i] = score;
                            }
                        }

                        doc = scorer.NextDoc();
                    }
                    while (doc < end);
                    next[w][c] = doc;
                }

                var tieBreaker = tieBreakers[w];
                for (var k = 0; k < wordCount; k++)
                {
                    var i = b.WordDocs[k];
                    var max = b.WordMax[i];
                    var score = max + ((b.WordSum[i] - max) * tieBreaker);
                    b.WordMax[i] = float.NaN;
                    if (b.Matched[i]++ == 0)
                    {
                        b.Total[i] = score;
                        b.Touched[touchedCount++] = i;
                    }
                    else
                    {
                        b.Total[i] += score;
                    }
                }
            }

            for (var k = 0; k < touchedCount; k++)
            {
                var i = b.Touched[k];
                top.Offer(leaf.DocBase + start + i, (float)(b.Total[i] * coord[b.Matched[i]]));
                b.Matched[i] = 0;
            }
        }
    }
}
