namespace Helpdesk.KnowledgeIndex.Articles;

/// <summary>Articles loaded from one or more directories, with the problems found (bad files are skipped).</summary>
public sealed record ArticleSet(IReadOnlyList<KnowledgeArticle> Articles, IReadOnlyList<ArticleProblem> Problems)
{
    /// <summary>True when any problem is an error (an article was skipped).</summary>
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
}
