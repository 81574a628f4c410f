namespace Helpdesk.KnowledgeIndex.Evaluation;

/// <summary>
/// Where the project's own data is, found by walking up to the repository root (the folder with Helpdesk.Bot.sln).
/// The shared support-article corpus sits beside the repository at <c>../shared/kb-corpus</c>; it is read from
/// there and never copied into the repository.
/// </summary>
public sealed record RepositoryPaths(string Root)
{
    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFile = "Helpdesk.Bot.sln";

    /// <summary>The shared corpus (MicrosoftDocs/OfficeDocs-Support articles, CC BY 4.0; see its ATTRIBUTION.md).</summary>
    public string Corpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "kb-corpus"));

    /// <summary>The project's own articles.</summary>
    public string OwnArticles => Path.Combine(Root, "knowledge-index", "articles");

    /// <summary>Labeled queries and judgments.</summary>
    public string EvalDirectory => Path.Combine(Root, "knowledge-index", "eval");

    /// <summary>Finds the repository root at or above <paramref name="start"/>; null when there is none.</summary>
    public static RepositoryPaths? Find(string start)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return new RepositoryPaths(directory.FullName);
            }
        }

        return null;
    }
}
