using Lucene.Net.Search;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>
/// Takes apart a query in the shape <see cref="KnowledgeQueryBuilder"/> and the rescoring stages build: a disjunction
/// (with or without coordination) of words, each a disjunction-max over clauses. A disjunction-max's boost is moved
/// into copies of its clauses (Lucene multiplies it into their weights the same way), so every clause can be scored
/// by its own Lucene scorer with the score it has inside the whole query (BM25: the query norm is 1).
/// </summary>
internal static class QueryWords
{
    /// <summary>Most words taken apart (the builder caps queries at 32).</summary>
    public const int MaxWords = 32;

    /// <summary>The words and whether coordination is off, or null for any other shape.</summary>
    public static (IReadOnlyList<QueryWord> Words, bool CoordDisabled)? Of(Query query)
    {
        if (query is not BooleanQuery boolean)
        {
            return ([Word(query)], true);
        }

        if (boolean.MinimumNumberShouldMatch != 0 || boolean.Boost != 1f || boolean.Clauses.Count > MaxWords)
        {
            return null;
        }

        var words = new List<QueryWord>(boolean.Clauses.Count);
        foreach (var clause in boolean.Clauses)
        {
            if (clause.Occur != Occur.SHOULD)
            {
                return null;
            }

            words.Add(Word(clause.Query));
        }

        return (words, boolean.CoordDisabled);
    }

    /// <summary>Coordination factors by number of words matched (Lucene's: 1 for a single word or when disabled).</summary>
    public static double[] CoordFactors(IndexSearcher searcher, int words, bool disabled)
    {
        var coord = new double[words + 1];
        for (var i = 0; i < coord.Length; i++)
        {
            coord[i] = disabled || words == 1 ? 1f : searcher.Similarity.Coord(i, words);
        }

        return coord;
    }

    private static QueryWord Word(Query query)
    {
        if (query is not DisjunctionMaxQuery disjunction)
        {
            return new QueryWord([query], 0f); // one clause: the word scores as that query's own scorer does
        }

        if (disjunction.Boost == 1f)
        {
            return new QueryWord([.. disjunction.Disjuncts], disjunction.TieBreakerMultiplier);
        }

        var boosted = new List<Query>(disjunction.Disjuncts.Count);
        foreach (var clause in disjunction.Disjuncts)
        {
            var copy = (Query)clause.Clone();
            copy.Boost = clause.Boost * disjunction.Boost;
            boosted.Add(copy);
        }

        return new QueryWord(boosted, disjunction.TieBreakerMultiplier);
    }
}
