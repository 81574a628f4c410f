using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>
/// Scores a rescoring query (phrase proximity, feedback terms) for a fixed set of candidate documents only: each
/// clause's Lucene scorer is advanced from candidate to candidate (its skip lists jump over everything else), and a
/// candidate's clause scores are combined as <see cref="WordQueryScorer"/> combines them. This is what filtering the
/// query to the candidates with Lucene computes, without its per-document priority queues, filter iterator and hit
/// collector. Any other query shape is filtered and searched by Lucene as before.
/// </summary>
internal static class CandidateScorer
{
    /// <summary>Adds <paramref name="query"/>'s score to each candidate it matches.</summary>
    /// <param name="searcher">The snapshot searched.</param>
    /// <param name="query">The rescoring query.</param>
    /// <param name="scores">Candidate document → score so far; matched candidates get the query's score added.</param>
    public static void AddScores(IndexSearcher searcher, Query query, Dictionary<int, float> scores)
    {
        if (scores.Count == 0)
        {
            return;
        }

        if (QueryWords.Of(query) is not (var words, var coordDisabled))
        {
            AddFiltered(searcher, query, scores);
            return;
        }

        var candidates = scores.Keys.ToArray();
        Array.Sort(candidates);
        var coord = QueryWords.CoordFactors(searcher, words.Count, coordDisabled);
        var weights = words.Select(w => w.Clauses.Select(searcher.CreateNormalizedWeight).ToArray()).ToArray();
        var total = new double[candidates.Length];
        var matched = new int[candidates.Length];
        var wordMax = new float[candidates.Length];
        var wordSum = new float[candidates.Length];
        var first = 0;
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var end = first;
            while (end < candidates.Length && candidates[end] < leaf.DocBase + leaf.AtomicReader.MaxDoc)
            {
                end++;
            }

            if (end > first)
            {
                ScoreLeaf(leaf, candidates, first, end, weights, words, total, matched, wordMax, wordSum);
            }

            first = end;
        }

        for (var i = 0; i < candidates.Length; i++)
        {
            if (matched[i] > 0)
            {
                scores[candidates[i]] += (float)(total[i] * coord[matched[i]]);
            }
        }
    }

    private static void ScoreLeaf(AtomicReaderContext leaf, int[] candidates, int first, int end, Weight[][] weights, IReadOnlyList<QueryWord> words, double[] total, int[] matched, float[] wordMax, float[] wordSum)
    {
        for (var w = 0; w < weights.Length; w++)
        {
            wordMax.AsSpan(first, end - first).Fill(float.NaN);
            foreach (var weight in weights[w])
            {
                var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
                if (scorer is null)
                {
                    continue;
                }

                var doc = -1;
                for (var i = first; i < end; i++)
                {
                    var target = candidates[i] - leaf.DocBase;
                    if (doc < target)
                    {
                        doc = scorer.Advance(target);
                        if (doc == DocIdSetIterator.NO_MORE_DOCS)
                        {
                            break;
                        }
                    }

                    if (doc != target)
                    {
                        continue;
                    }

                    var score = scorer.GetScore();
                    if (float.IsNaN(wordMax[i]))
                    {
                        wordMax[i] = score;
                        wordSum[i] = score;
                    }
                    else
                    {
                        wordSum[i] += score;
                        wordMax[i] = Math.Max(wordMax[i], score);
                    }
                }
            }

            var tieBreaker = words[w].TieBreaker;
            for (var i = first; i < end; i++)
            {
                var max = wordMax[i];
                if (float.IsNaN(max))
                {
                    continue;
                }

                var score = max + ((wordSum[i] - max) * tieBreaker);
                total[i] = matched[i]++ == 0 ? score : total[i] + score;
            }
        }
    }

    private static void AddFiltered(IndexSearcher searcher, Query query, Dictionary<int, float> scores)
    {
        var filter = new CandidateFilter(scores.Keys.ToArray());
        var filtered = new FilteredQuery(query, filter, FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY);
        foreach (var hit in searcher.Search(filtered, scores.Count).ScoreDocs)
        {
            scores[hit.Doc] += hit.Score;
        }
    }
}
