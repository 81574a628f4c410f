using Helpdesk.KnowledgeIndex.Articles;
using Helpdesk.KnowledgeIndex.Search;

namespace Helpdesk.Skills.Knowledge;

/// <summary>A search hit, its full article and how sure the bot is that it answers the question.</summary>
/// <param name="Hit">The search result (title, snippet, score, attribution).</param>
/// <param name="Article">The article (category, tags, update date).</param>
/// <param name="Confidence">0–1, see <see cref="AnswerConfidence"/>.</param>
public sealed record ScoredArticle(KnowledgeSearchResult Hit, KnowledgeArticle Article, double Confidence);
