namespace Helpdesk.Skills.Knowledge;

/// <summary>How the knowledge dialog answers: when a hit is good enough to show, and how many to show.</summary>
public sealed record KnowledgeSettings
{
    /// <summary>
    /// The confidence (0–1, see <see cref="AnswerConfidence"/>) below which a hit is not shown. Calibrated on the
    /// labeled query sets in knowledge-index/eval (see the README, "Knowledge answers in chat").
    /// </summary>
    public const double DefaultConfidenceThreshold = 0.6;

    /// <summary>The articles shown on the "more results" card after the best one did not help.</summary>
    public const int DefaultResultsPerPage = 3;

    public static KnowledgeSettings Default { get; } = new();

    /// <summary>See <see cref="DefaultConfidenceThreshold"/>.</summary>
    public double ConfidenceThreshold { get; init; } = DefaultConfidenceThreshold;

    /// <summary>See <see cref="DefaultResultsPerPage"/>.</summary>
    public int ResultsPerPage { get; init; } = DefaultResultsPerPage;

    /// <summary>
    /// Absolute base URL of the article pages (<c>{base}/kb/{id}</c>) for channels that need absolute links (Teams,
    /// Slack); null to derive it from the built-in Direct Line's service URL, else links are relative.
    /// </summary>
    public Uri? ArticleBaseUrl { get; init; }
}
