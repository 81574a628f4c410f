namespace Helpdesk.KnowledgeIndex.Articles;

/// <summary>How bad an article problem is.</summary>
public enum ProblemSeverity
{
    /// <summary>The article is still indexed.</summary>
    Warning,

    /// <summary>The article is skipped.</summary>
    Error,
}
