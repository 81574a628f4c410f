using Helpdesk.KnowledgeIndex.Articles;
using Helpdesk.KnowledgeIndex.Search;
using Lucene.Net.Store;

namespace Helpdesk.KnowledgeIndex.Evaluation;

/// <summary>
/// One evaluation set loaded and indexed twice, naive baseline and tuned (both in memory), ready to score;
/// build once and score many tunings (the tune command does).
/// </summary>
public sealed class EvalRun : IDisposable
{
    /// <summary>Name of the baseline system in reports.</summary>
    public const string BaselineName = "baseline";

    /// <summary>Name of the baseline variant that indexes extracted plain text instead of raw Markdown.</summary>
    public const string BaselineTextName = "base-text";

    /// <summary>Name of the tuned system in reports.</summary>
    public const string TunedName = "tuned";

    /// <summary>Name of the tuned system with the semantic rerank in reports.</summary>
    public const string SemanticName = "semantic";

    private readonly BaselineIndex _baseline;
    private readonly BaselineIndex _baselineText;
    private readonly KnowledgeBase _tuned;

    private EvalRun(EvalSet set, IReadOnlyList<EvalQuery> queries, Qrels qrels, BaselineIndex baseline, BaselineIndex baselineText, KnowledgeBase tuned, int articles)
    {
        Set = set;
        Queries = queries;
        Qrels = qrels;
        _baseline = baseline;
        _baselineText = baselineText;
        _tuned = tuned;
        Articles = articles;
    }

    /// <summary>The set.</summary>
    public EvalSet Set { get; }

    /// <summary>Its queries.</summary>
    public IReadOnlyList<EvalQuery> Queries { get; }

    /// <summary>Its judgments.</summary>
    public Qrels Qrels { get; }

    /// <summary>Articles indexed.</summary>
    public int Articles { get; }

    /// <summary>The tuned index (in memory) the set is scored against.</summary>
    public KnowledgeBase TunedIndex => _tuned;

    /// <summary>Loads the articles and queries and builds both indexes.</summary>
    /// <exception cref="InvalidDataException">A judgment names an article that is not in the set (a stale qrels file).</exception>
    public static EvalRun Create(EvalSet set, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(set);
        var articles = ArticleLoader.Load([set.ArticlesDirectory, .. set.MoreArticleDirectories]).Articles;
        var queries = QueryFile.Load(set.QueriesFile);
        var qrels = Qrels.Load(set.QrelsFile);
        var paths = articles.Select(a => a.Path).ToHashSet(StringComparer.Ordinal);
        var missing = qrels.QueryIds.SelectMany(q => qrels.For(q).Keys).Where(p => !paths.Contains(p)).Distinct().ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException($"{set.QrelsFile}: {missing.Length} judged articles are not in {string.Join(", ", [set.ArticlesDirectory, .. set.MoreArticleDirectories])}, e.g. {missing[0]}");
        }

        var baseline = new BaselineIndex(articles);
        var baselineText = new BaselineIndex(articles, plainTextBody: true);
        var tuned = KnowledgeBase.Open(new RAMDirectory(), timeProvider, createIfMissing: true, ownsDirectory: true);
        tuned.Reindex(articles);
        return new EvalRun(set, queries, qrels, baseline, baselineText, tuned, articles.Count);
    }

    /// <summary>The naive baseline's ranking (paths, best first).</summary>
    public IReadOnlyList<string> RankBaseline(string text, int top) => _baseline.Rank(text, top);

    /// <summary>The tuned index's ranking (paths, best first).</summary>
    public IReadOnlyList<string> RankTuned(string text, int top, SearchTuning? tuning = null) =>
        _tuned.Rank(text, top, tuning).Select(r => r.Path).ToArray();

    /// <summary>Per-query scores of the naive baseline (raw Markdown body).</summary>
    public IReadOnlyList<QueryScore> ScoreBaseline() => Evaluator.Score(_baseline.Rank, Queries, Qrels);

    /// <summary>Per-query scores of the baseline variant with an extracted plain-text body.</summary>
    public IReadOnlyList<QueryScore> ScoreBaselineText() => Evaluator.Score(_baselineText.Rank, Queries, Qrels);

    /// <summary>Per-query scores of the tuned index with the given (default: shipped) tuning.</summary>
    public IReadOnlyList<QueryScore> ScoreTuned(SearchTuning? tuning = null) =>
        Evaluator.Score((text, top) => RankTuned(text, top, tuning), Queries, Qrels);

    /// <summary>Baseline and tuned summaries per split.</summary>
    public IReadOnlyList<MetricSummary> Summarize(SearchTuning? tuning = null) =>
    [
        .. Evaluator.Summarize(BaselineName, Set.Name, ScoreBaseline()),
        .. Evaluator.Summarize(BaselineTextName, Set.Name, ScoreBaselineText()),
        .. Evaluator.Summarize(TunedName, Set.Name, ScoreTuned(tuning)),
    ];

    /// <inheritdoc />
    public void Dispose()
    {
        _baseline.Dispose();
        _baselineText.Dispose();
        _tuned.Dispose();
    }
}
