namespace Helpdesk.KnowledgeIndex.Evaluation;

/// <summary>Rank metrics of one result list against graded judgments (grade ≥ 1 counts as relevant).</summary>
public static class RankingMetrics
{
    /// <summary>nDCG@k with linear gains (as trec_eval's ndcg_cut): Σ grade / log2(rank + 1), normalised by the ideal order.</summary>
    public static double Ndcg(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged, int k)
    {
        var ideal = judged.Values.Where(g => g > 0).OrderDescending().Take(k).Select((g, i) => g / Math.Log2(i + 2)).Sum();
        if (ideal <= 0)
        {
            return 0;
        }

        var dcg = ranked.Take(k).Select((id, i) => judged.GetValueOrDefault(id) / Math.Log2(i + 2)).Sum();
        return dcg / ideal;
    }

    /// <summary>Share of the relevant documents found in the top k.</summary>
    public static double Recall(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged, int k)
    {
        var relevant = judged.Count(j => j.Value > 0);
        return relevant == 0 ? 0 : (double)ranked.Take(k).Count(id => judged.GetValueOrDefault(id) > 0) / relevant;
    }

    /// <summary>1 / rank of the first relevant document in the top k, 0 when none.</summary>
    public static double ReciprocalRank(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged, int k)
    {
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (judged.GetValueOrDefault(ranked[i]) > 0)
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }
}
