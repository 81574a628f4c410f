using Helpdesk.Skills.Knowledge;

namespace Helpdesk.Bot.Knowledge;

/// <summary>Article feedback kept in memory (<c>Storage:Provider=Memory</c>; lost on restart).</summary>
internal sealed class MemoryKnowledgeFeedbackStore : IKnowledgeFeedbackStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, Row> _byId = [];
    private long _lastId;
    private readonly List<UnansweredQuestion> _unanswered = [];

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<long> RecordShownAsync(ArticleImpression impression, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(impression);
        lock (_gate)
        {
            _byId.Add(++_lastId, new Row(impression));
            return Task.FromResult(_lastId);
        }
    }

    public Task RecordFeedbackAsync(long impressionId, bool helped, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_byId.TryGetValue(impressionId, out var row))
            {
                row.Helped = helped;
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
                .. _byId.Values
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
                .. _byId.Values
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

    public Task<int> DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var old = _byId.Where(r => r.Value.Impression.ShownAt < before).Select(r => r.Key).ToList();
            foreach (var id in old)
            {
                _byId.Remove(id);
            }

            var deleted = old.Count;
            return Task.FromResult(deleted + _unanswered.RemoveAll(q => q.AskedAt < before));
        }
    }

    private sealed class Row(ArticleImpression impression)
    {
        public ArticleImpression Impression { get; } = impression;

        public bool? Helped { get; set; }
    }
}
