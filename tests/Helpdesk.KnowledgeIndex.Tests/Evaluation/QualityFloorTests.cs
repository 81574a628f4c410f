using Helpdesk.KnowledgeIndex.Evaluation;
using Helpdesk.KnowledgeIndex.Tests.Support;

namespace Helpdesk.KnowledgeIndex.Tests.Evaluation;

/// <summary>
/// Fails when ranking quality drops below the level measured when the defaults were tuned (knowledge-index/README.md).
/// The corpus is read from ../shared/kb-corpus beside the repository.
/// </summary>
[Collection(CorpusCollection.Name)]
public sealed class QualityFloorTests(CorpusFixture fixture)
{
    // Measured with the shipped SearchTuning.Default against the audited judgments (kb eval, December 2026):
    // corpus nDCG@10 0.759 (72 queries; held-out half 0.795), own 0.986 with MRR@10 1.000 (90 queries).
    private const double CorpusNdcgFloor = 0.757;
    private const double CorpusHeldOutNdcgFloor = 0.790;
    private const double OwnNdcgFloor = 0.98;
    private const double OwnMrrFloor = 0.99;

    [Fact]
    public void Corpus_TunedIndex_StaysAtItsMeasuredNdcg()
    {
        var all = Summary(fixture.Corpus.ScoreTuned());

        Assert.Equal(72, all.Queries);
        Assert.True(all.Ndcg10 >= CorpusNdcgFloor, $"corpus nDCG@10 {all.Ndcg10:0.000} < {CorpusNdcgFloor}");
    }

    [Fact]
    public void Corpus_TunedIndex_StaysAtItsMeasuredNdcgOnTheHeldOutHalf()
    {
        var heldOut = Evaluator.Summarize("tuned", "corpus", fixture.Corpus.ScoreTuned()).Single(s => s.Split == QuerySplit.HeldOut);

        Assert.Equal(36, heldOut.Queries);
        Assert.True(heldOut.Ndcg10 >= CorpusHeldOutNdcgFloor, $"corpus held-out nDCG@10 {heldOut.Ndcg10:0.000} < {CorpusHeldOutNdcgFloor}");
    }

    [Fact]
    public void Corpus_TunedIndex_BeatsTheNaiveBaselineOnBothHalves()
    {
        var tuned = Evaluator.Summarize(EvalRun.TunedName, "corpus", fixture.Corpus.ScoreTuned());
        var baseline = Evaluator.Summarize(EvalRun.BaselineName, "corpus", fixture.Corpus.ScoreBaseline());

        foreach (var split in new[] { QuerySplit.Tune, QuerySplit.HeldOut, QuerySplit.All })
        {
            var t = tuned.Single(s => s.Split == split);
            var b = baseline.Single(s => s.Split == split);
            Assert.True(t.Ndcg10 > b.Ndcg10 * 1.05, $"{split}: tuned {t.Ndcg10:0.000} vs baseline {b.Ndcg10:0.000}");
            Assert.True(t.Mrr10 >= b.Mrr10, $"{split}: tuned MRR {t.Mrr10:0.000} vs baseline {b.Mrr10:0.000}");
        }
    }

    [Fact]
    public void Own_TunedIndex_StaysAtItsMeasuredLevel()
    {
        var all = Summary(fixture.Own.ScoreTuned());

        Assert.Equal(90, all.Queries);
        Assert.True(all.Ndcg10 >= OwnNdcgFloor, $"own nDCG@10 {all.Ndcg10:0.000} < {OwnNdcgFloor}");
        Assert.True(all.Mrr10 >= OwnMrrFloor, $"own MRR@10 {all.Mrr10:0.000} < {OwnMrrFloor}");
    }

    [Fact]
    public void Corpus_SearchResult_CarriesTheCorpusAttribution()
    {
        var result = fixture.Corpus.TunedIndex.Search("outlook keeps asking for password", 1)[0];

        Assert.StartsWith("OfficeDocs-Support/", result.Path, StringComparison.Ordinal);
        Assert.Contains("CC BY 4.0", result.Attribution, StringComparison.Ordinal);
        Assert.Contains("password", result.Snippet, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Corpus_IsTheFullSharedSet()
    {
        Assert.Equal(1309, fixture.Corpus.Articles);
    }

    private static MetricSummary Summary(IReadOnlyList<QueryScore> scores) =>
        Evaluator.Summarize("tuned", "set", scores).Single(s => s.Split == QuerySplit.All);
}
