namespace Helpdesk.KnowledgeIndex.Semantic;

/// <summary>
/// How the semantic rerank embeds articles and fuses its similarity with the lexical score. The defaults were chosen
/// on the tuning half of the corpus set (knowledge-index/README.md, "Semantic rerank").
/// </summary>
public sealed record SemanticRerankSettings
{
    /// <summary>The shipped settings.</summary>
    public static SemanticRerankSettings Default { get; } = new();

    /// <summary>Characters per passage (the first passage starts with the title and summary).</summary>
    public int PassageChars { get; init; } = 1200;

    /// <summary>Passages embedded per article (the first plus up to this many minus one further chunks of its prose).</summary>
    public int PassagesPerArticle { get; init; } = 4;

    /// <summary>
    /// Weight of the similarity against the lexical score divided by the best lexical score of the query:
    /// fused = score / best + <c>Weight</c> × similarity.
    /// </summary>
    public float Weight { get; init; } = 16f;

    /// <summary>An article's similarity: this share of its first passage's plus the rest of its best passage's.</summary>
    public float FirstPassageShare { get; init; } = 0.5f;

    /// <summary>
    /// Repair the question's misspelt words and apostrophe-less contractions against the articles' vocabulary before
    /// it is embedded (<see cref="QuerySpelling"/>; the lexical stage has its own typo tolerance).
    /// </summary>
    public bool CorrectSpelling { get; init; } = true;
}
