using Helpdesk.KnowledgeIndex.Articles;
using Helpdesk.KnowledgeIndex.Indexing;

namespace Helpdesk.KnowledgeIndex;

/// <summary>Outcome of a reindex: what was built and which article files were reported (errors were skipped).</summary>
public sealed record ReindexResult(IndexBuildResult Build, IReadOnlyList<ArticleProblem> Problems)
{
    /// <summary>Files skipped because of errors.</summary>
    public int Skipped => Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.File).Distinct().Count();
}
