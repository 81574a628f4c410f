using Helpdesk.KnowledgeIndex.Evaluation;

namespace Helpdesk.KnowledgeIndex.Tests.Evaluation;

public sealed class RankingMetricsTests
{
    private static readonly Dictionary<string, int> Judged = new() { ["a"] = 2, ["b"] = 1, ["c"] = 0 };

    [Fact]
    public void Ndcg_IdealOrder_IsOne()
    {
        Assert.Equal(1.0, RankingMetrics.Ndcg(["a", "b", "x"], Judged, 10), 6);
    }

    [Fact]
    public void Ndcg_SwappedOrder_UsesLinearGains()
    {
        var expected = ((1 / Math.Log2(2)) + (2 / Math.Log2(3))) / ((2 / Math.Log2(2)) + (1 / Math.Log2(3)));

        Assert.Equal(expected, RankingMetrics.Ndcg(["b", "a"], Judged, 10), 6);
    }

    [Fact]
    public void RecallAndReciprocalRank_CountGradeOneAndUp()
    {
        Assert.Equal(0.5, RankingMetrics.Recall(["x", "c", "b"], Judged, 5), 6);
        Assert.Equal(1.0 / 3, RankingMetrics.ReciprocalRank(["x", "c", "b"], Judged, 10), 6);
        Assert.Equal(0, RankingMetrics.ReciprocalRank(["x", "y"], Judged, 10));
    }

    [Fact]
    public void Qrels_BadLine_ReportsSourceAndLine()
    {
        var ex = Assert.Throws<FormatException>(() => Qrels.Parse(["q1 0 a 2", "q1 0 b"], "q.txt"));

        Assert.Contains("q.txt:2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuerySplit_OddIsTuningHalf()
    {
        Assert.Equal(QuerySplit.Tune, QuerySplit.Of("c01"));
        Assert.Equal(QuerySplit.HeldOut, QuerySplit.Of("c02"));
        Assert.Equal(QuerySplit.HeldOut, QuerySplit.Of("x"));
        Assert.Equal(QuerySplit.Tune, QuerySplit.Of("fb123456789012345")); // longer than an int: the last digit decides
        Assert.Equal(QuerySplit.HeldOut, QuerySplit.Of("fb999999999999998"));
    }

    [Fact]
    public void RepositoryFiles_EveryQueryIsJudgedAndEveryJudgmentNamesAQuery()
    {
        foreach (var set in EvalSet.ForRepository(Support.RepoPaths.Current))
        {
            var queries = QueryFile.Load(set.QueriesFile);
            var qrels = Qrels.Load(set.QrelsFile);

            Assert.All(queries, q => Assert.Contains(qrels.For(q.Id), j => j.Value > 0));
            Assert.All(qrels.QueryIds, id => Assert.Contains(queries, q => q.Id == id));
        }
    }
}
