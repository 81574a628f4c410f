using Helpdesk.KnowledgeIndex.Search;

namespace Helpdesk.Skills.Knowledge;

/// <summary>
/// Searches the knowledge base for a user's question and keeps only the hits confident enough to show
/// (<see cref="KnowledgeSettings.ConfidenceThreshold"/>), best first: never weak hits.
/// </summary>
public sealed class KnowledgeAnswerFinder(IKnowledgeSearch search, AnswerConfidence confidence, KnowledgeSettings settings)
{
    public KnowledgeSettings Settings { get; } = settings ?? throw new ArgumentNullException(nameof(settings));

    /// <summary>At most <paramref name="max"/> confident answers to <paramref name="query"/>, best first (empty when none).</summary>
    public IReadOnlyList<ScoredArticle> Find(string query, int max) => Confident(Score(query, max));

    /// <summary>
    /// The top <paramref name="max"/> hits for <paramref name="query"/> with their confidence, best first, weak ones
    /// included (<see cref="Confident"/> keeps what <see cref="Find"/> would return).
    /// </summary>
    public IReadOnlyList<ScoredArticle> Score(string query, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var scored = new List<ScoredArticle>(max);
        foreach (var hit in search.Search(query, max))
        {
            // A hit whose article vanished between search and lookup (a reindex in between) is skipped.
            if (search.GetArticle(hit.Id) is not { } article)
            {
                continue;
            }

            scored.Add(new ScoredArticle(hit, article, confidence.Of(query, hit, article)));
        }

        return scored;
    }

    /// <summary>The hits of <paramref name="scored"/> confident enough to show, in order.</summary>
    public IReadOnlyList<ScoredArticle> Confident(IReadOnlyList<ScoredArticle> scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        return [.. scored.Where(a => a.Confidence >= Settings.ConfidenceThreshold)];
    }
}
