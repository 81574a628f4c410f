using Helpdesk.Skills.Knowledge;

namespace Helpdesk.Bot.Knowledge;

/// <summary>Article feedback kept in memory (<c>Storage:Provider=Memory</c>; lost on restart).</summary>
internal sealed class MemoryKnowledgeFeedbackStore : IKnowledgeFeedbackStore
{
    private readonly Lock _gate = new();
    private readonly List<Row> _rows = [];
    private readonly List<UnansweredQuestion> _unanswered = [];

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<long> RecordShownAsync(ArticleImpression impression, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(impression);
        lock (_gate)
        {
            _rows.Add(new Row(impression));
            return Task.FromResult((long)_rows.Count);
        }
    }

    public Task RecordFeedbackAsync(long impressionId, bool helped, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (impressionId >= 1 && impressionId <= _rows.Count)
            {
                _rows[(int)impressionId - 1].Helped = helped;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ArticleFeedbackSummary>> SummarizeAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ArticleFeedbackSummary> summaries =
            [
                .. _rows
                    .Where(r => since is null || r.Impression.ShownAt >= since)
                    .GroupBy(r => r.Impression.ArticleId, StringComparer.Ordinal)
                    .Select(g => new ArticleFeedbackSummary(g.Key, g.Last().Impression.ArticleTitle, g.Count(), g.Count(r => r.Helped == true), g.Count(r => r.Helped == false)))
                    .OrderByDescending(s => s.Shown)
                    .ThenBy(s => s.ArticleId, StringComparer.Ordinal),
            ];
            return Task.FromResult(summaries);
        }
    }

    public Task<IReadOnlyList<ArticleAnswer>> ListAnswersAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ArticleAnswer> answers =
            [
                .. _rows
                    .Where(r => r.Helped is not null && (since is null || r.Impression.ShownAt >= since))
                    .Select(r => new ArticleAnswer(r.Impression.Query, r.Impression.ArticleId, r.Helped!.Value)),
            ];
            return Task.FromResult(answers);
        }
    }

    public Task RecordUnansweredAsync(UnansweredQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        lock (_gate)
        {
            _unanswered.Add(question);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<UnansweredQuestionSummary>> SummarizeUnansweredAsync(DateTimeOffset? since, int top, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        lock (_gate)
        {
            IReadOnlyList<UnansweredQuestionSummary> summaries =
            [
                .. _unanswered
                    .Where(q => since is null || q.AskedAt >= since)
                    .GroupBy(q => QuestionKey.For(q.Query), StringComparer.Ordinal)
                    .Select(g => (Key: g.Key, Summary: new UnansweredQuestionSummary(
                        g.Last().Query, g.Count(), g.Min(q => q.AskedAt), g.Max(q => q.AskedAt), g.Max(q => q.BestConfidence))))
                    .OrderByDescending(g => g.Summary.Times)
                    .ThenByDescending(g => g.Summary.LastAskedAt)
                    .ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Take(top)
                    .Select(g => g.Summary),
            ];
            return Task.FromResult(summaries);
        }
    }

    private sealed class Row(ArticleImpression impression)
    {
        public ArticleImpression Impression { get; } = impression;

        public bool? Helped { get; set; }
    }
}
