using Helpdesk.Skills.Knowledge;

namespace Helpdesk.Bot.Knowledge;

/// <summary>
/// <c>GET /api/admin/knowledge/feedback</c>: how the articles did in the chat and what users asked that no article
/// answered — for the IT admins who write the articles.
/// </summary>
/// <param name="Since">Start of the period (null = all time).</param>
/// <param name="GeneratedAt">When the report was made.</param>
/// <param name="Totals">Over every article shown in the period.</param>
/// <param name="Articles">The most shown articles (at most <c>top</c>), most shown first.</param>
/// <param name="NeedsAttention">Articles answered at least twice that more users said did not help than did, worst first.</param>
/// <param name="Unanswered">The questions asked most often without a confident article (at most <c>top</c>).</param>
internal sealed record KnowledgeFeedbackReport(
    DateTimeOffset? Since,
    DateTimeOffset GeneratedAt,
    KnowledgeFeedbackTotals Totals,
    IReadOnlyList<ArticleFeedbackRow> Articles,
    IReadOnlyList<ArticleFeedbackRow> NeedsAttention,
    IReadOnlyList<UnansweredQuestionSummary> Unanswered);
