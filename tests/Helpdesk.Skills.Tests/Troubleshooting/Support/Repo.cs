using Helpdesk.KnowledgeIndex.Evaluation;

namespace Helpdesk.Skills.Tests.Troubleshooting.Support;

/// <summary>Paths in the repository (found by walking up to Helpdesk.Bot.sln from the test output folder).</summary>
internal static class Repo
{
    public static RepositoryPaths Paths { get; } = RepositoryPaths.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"no {RepositoryPaths.SolutionFile} above {AppContext.BaseDirectory}");

    public static string Root => Paths.Root;

    /// <summary>The shipped flows' source folder.</summary>
    public static string FlowsDirectory => Path.Combine(Root, "skills", "Helpdesk.Skills", "Troubleshooting", "flows");

    /// <summary>The generated flow documentation.</summary>
    public static string DocsDirectory => Path.Combine(Root, "docs", "flows");

    public static string Articles => Paths.OwnArticles;
}
