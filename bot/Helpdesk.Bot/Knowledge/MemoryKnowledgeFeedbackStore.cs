using Helpdesk.Skills.Knowledge;

namespace Helpdesk.Bot.Knowledge;

/// <summary>Article feedback kept in memory (<c>Storage:Provider=Memory</c>; lost on restart).</summary>
internal sealed class MemoryKnowledgeFeedbackStore : IKnowledgeFeedbackStore
{
    private readonly Lock _gate = new();
    private readonly List<Row> _rows = [];

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

    private sealed class Row(ArticleImpression impression)
    {
        public ArticleImpression Impression { get; } = impression;

        public bool? Helped { get; set; }
    }
}
