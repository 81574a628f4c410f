namespace Helpdesk.Skills.Knowledge;

/// <summary>
/// Where the bot records which article it showed for which question and whether it helped — for KPIs (deflection,
/// helpful rate per article), for finding the questions no article answers, and for tuning the search. Queries are stored redacted.
/// </summary>
public interface IKnowledgeFeedbackStore
{
    /// <summary>Prepares the store (creates its schema); called once at start, safe to call again.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Records that an article was shown; returns the id to attach the user's answer to.</summary>
    Task<long> RecordShownAsync(ArticleImpression impression, CancellationToken cancellationToken);

    /// <summary>Records the user's answer for a showing (the latest answer wins).</summary>
    Task RecordFeedbackAsync(long impressionId, bool helped, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Per article: how often it was shown and how often it helped or did not, since <paramref name="since"/> (all time when null).</summary>
    Task<IReadOnlyList<ArticleFeedbackSummary>> SummarizeAsync(DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>Every yes/no answer given about an article shown since <paramref name="since"/> (all time when null), oldest first.</summary>
    Task<IReadOnlyList<ArticleAnswer>> ListAnswersAsync(DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>Records a question no article answered confidently.</summary>
    Task RecordUnansweredAsync(UnansweredQuestion question, CancellationToken cancellationToken);

    /// <summary>
    /// The questions asked most often without a confident article since <paramref name="since"/> (all time when
    /// null), grouped by <see cref="QuestionKey"/>; at most <paramref name="top"/>, most asked first.
    /// </summary>
    Task<IReadOnlyList<UnansweredQuestionSummary>> SummarizeUnansweredAsync(DateTimeOffset? since, int top, CancellationToken cancellationToken);

    /// <summary>Deletes showings, answers and unanswered questions recorded before <paramref name="before"/>; returns how many rows went.</summary>
    Task<int> DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
