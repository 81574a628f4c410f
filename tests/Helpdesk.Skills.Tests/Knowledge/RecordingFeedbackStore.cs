using Helpdesk.Skills.Knowledge;

namespace Helpdesk.Skills.Tests.Knowledge;

/// <summary>Keeps what the dialog records, for assertions (the SQLite store itself is tested in Helpdesk.Bot.Tests).</summary>
public sealed class RecordingFeedbackStore : IKnowledgeFeedbackStore
{
    private readonly List<(ArticleImpression Impression, bool? Helped)> _rows = [];
    private readonly List<UnansweredQuestion> _unanswered = [];

    public IReadOnlyList<(ArticleImpression Impression, bool? Helped)> Rows => _rows;

    public IReadOnlyList<UnansweredQuestion> Unanswered => _unanswered;

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<long> RecordShownAsync(ArticleImpression impression, CancellationToken cancellationToken)
    {
        _rows.Add((impression, null));
        return Task.FromResult((long)_rows.Count);
    }

    public Task RecordFeedbackAsync(long impressionId, bool helped, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _rows[(int)impressionId - 1] = (_rows[(int)impressionId - 1].Impression, helped);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ArticleFeedbackSummary>> SummarizeAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ArticleFeedbackSummary>>(
        [
            .. _rows.GroupBy(r => r.Impression.ArticleId)
                .Select(g => new ArticleFeedbackSummary(g.Key, g.Last().Impression.ArticleTitle, g.Count(), g.Count(r => r.Helped == true), g.Count(r => r.Helped == false))),
        ]);

    public Task<IReadOnlyList<ArticleAnswer>> ListAnswersAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ArticleAnswer>>([.. _rows.Where(r => r.Helped is not null).Select(r => new ArticleAnswer(r.Impression.Query, r.Impression.ArticleId, r.Helped!.Value))]);

    public Task RecordUnansweredAsync(UnansweredQuestion question, CancellationToken cancellationToken)
    {
        _unanswered.Add(question);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<UnansweredQuestionSummary>> SummarizeUnansweredAsync(DateTimeOffset? since, int top, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<UnansweredQuestionSummary>>(
        [
            .. _unanswered.GroupBy(q => QuestionKey.For(q.Query))
                .Select(g => new UnansweredQuestionSummary(g.Last().Query, g.Count(), g.First().AskedAt, g.Last().AskedAt, g.Max(q => q.BestConfidence)))
                .Take(top),
        ]);

    public Task<int> DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        Task.FromResult(_unanswered.RemoveAll(q => q.AskedAt < before));
}
