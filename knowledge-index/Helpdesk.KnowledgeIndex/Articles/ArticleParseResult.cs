namespace Helpdesk.KnowledgeIndex.Articles;

/// <summary>Outcome of parsing one file: the article (null when an error made it unusable) and any problems.</summary>
public sealed record ArticleParseResult(KnowledgeArticle? Article, IReadOnlyList<ArticleProblem> Problems)
{
    /// <summary>True when the article can be indexed.</summary>
    public bool Succeeded => Article is not null;
}
