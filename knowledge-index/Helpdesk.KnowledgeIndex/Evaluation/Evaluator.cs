namespace Helpdesk.KnowledgeIndex.Evaluation;

/// <summary>Scores a ranking function on a labeled query set.</summary>
public static class Evaluator
{
    /// <summary>Depth of the rankings evaluated.</summary>
    public const int Depth = 10;

    /// <summary>Runs every judged query through <paramref name="rank"/> and scores it.</summary>
    /// <param name="rank">Query text, depth → document ids, best first.</param>
    /// <param name="queries">Queries (those without judgments are skipped).</param>
    /// <param name="qrels">Judgments.</param>
    public static IReadOnlyList<QueryScore> Score(Func<string, int, IReadOnlyList<string>> rank, IReadOnlyList<EvalQuery> queries, Qrels qrels)
    {
        ArgumentNullException.ThrowIfNull(rank);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(qrels);
        var scores = new List<QueryScore>();
        foreach (var query in queries)
        {
            var judged = qrels.For(query.Id);
            if (!judged.Any(j => j.Value > 0))
            {
                continue;
            }

            var ranked = rank(query.Text, Depth);
            scores.Add(new QueryScore(
                query.Id,
                QuerySplit.Of(query.Id),
                RankingMetrics.Ndcg(ranked, judged, 10),
                RankingMetrics.Recall(ranked, judged, 5),
                RankingMetrics.ReciprocalRank(ranked, judged, 10)));
        }

        return scores;
    }

    /// <summary>Means per split (tuning half, held-out half, all).</summary>
    public static IReadOnlyList<MetricSummary> Summarize(string system, string querySet, IReadOnlyList<QueryScore> scores) =>
    [
        Mean(system, querySet, QuerySplit.Tune, scores.Where(s => s.Split == QuerySplit.Tune).ToArray()),
        Mean(system, querySet, QuerySplit.HeldOut, scores.Where(s => s.Split == QuerySplit.HeldOut).ToArray()),
        Mean(system, querySet, QuerySplit.All, scores),
    ];

    private static MetricSummary Mean(string system, string querySet, string split, IReadOnlyList<QueryScore> scores) =>
        scores.Count == 0
            ? new MetricSummary(system, querySet, split, 0, 0, 0, 0)
            : new MetricSummary(system, querySet, split, scores.Count, scores.Average(s => s.Ndcg10), scores.Average(s => s.Recall5), scores.Average(s => s.Mrr10));
}
