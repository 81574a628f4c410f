namespace Helpdesk.KnowledgeIndex.Evaluation;

/// <summary>
/// Where the project's own data is, found by walking up to the repository root (the folder with Helpdesk.Bot.sln).
/// The shared support-article corpus sits beside the repository at <c>../shared/kb-corpus</c>; it is read from
/// there and never copied into the repository. In a linked git worktree the corpus is looked up beside the main
/// working tree too, and the <c>KB_CORPUS_DIR</c> environment variable overrides both.
/// </summary>
public sealed record RepositoryPaths(string Root)
{
    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFile = "Helpdesk.Bot.sln";

    /// <summary>Environment variable that points at the corpus explicitly.</summary>
    public const string CorpusVariable = "KB_CORPUS_DIR";

    /// <summary>
    /// The shared corpus (MicrosoftDocs/OfficeDocs-Support articles, CC BY 4.0; see its ATTRIBUTION.md): the first
    /// existing of <c>$KB_CORPUS_DIR</c>, <c>../shared/kb-corpus</c>, and (in a linked worktree) the same path beside
    /// the main working tree; the plain <c>../shared/kb-corpus</c> path when none exists.
    /// </summary>
    public string Corpus => CorpusCandidates().FirstOrDefault(Directory.Exists) ?? BesideRoot(Root);

    /// <summary>The project's own articles.</summary>
    public string OwnArticles => Path.Combine(Root, "knowledge-index", "articles");

    /// <summary>Labeled queries and judgments.</summary>
    public string EvalDirectory => Path.Combine(Root, "knowledge-index", "eval");

    private IEnumerable<string> CorpusCandidates()
    {
        if (Environment.GetEnvironmentVariable(CorpusVariable) is { Length: > 0 } fromEnvironment)
        {
            yield return Path.GetFullPath(fromEnvironment);
        }

        yield return BesideRoot(Root);
        if (MainWorkingTree() is { } main)
        {
            yield return BesideRoot(main);
        }
    }

    /// <summary>For a linked worktree (<c>.git</c> is a file "gitdir: &lt;main&gt;/.git/worktrees/&lt;name&gt;"): the main working tree.</summary>
    private string? MainWorkingTree()
    {
        var gitFile = Path.Combine(Root, ".git");
        if (!File.Exists(gitFile))
        {
            return null;
        }

        var line = File.ReadLines(gitFile).FirstOrDefault() ?? string.Empty;
        const string Prefix = "gitdir:";
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var gitDir = new DirectoryInfo(Path.GetFullPath(Path.Combine(Root, line[Prefix.Length..].Trim())));
        return gitDir.Parent is { Name: "worktrees" } worktrees && worktrees.Parent is { Name: ".git" } dotGit ? dotGit.Parent?.FullName : null;
    }

    private static string BesideRoot(string root) => Path.GetFullPath(Path.Combine(root, "..", "shared", "kb-corpus"));

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
