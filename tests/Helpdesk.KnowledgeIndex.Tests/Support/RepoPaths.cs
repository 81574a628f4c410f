using Helpdesk.KnowledgeIndex.Evaluation;

namespace Helpdesk.KnowledgeIndex.Tests.Support;

/// <summary>The repository (found by walking up to Helpdesk.Bot.sln from the test output folder).</summary>
internal static class RepoPaths
{
    public static RepositoryPaths Current { get; } = RepositoryPaths.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"no {RepositoryPaths.SolutionFile} above {AppContext.BaseDirectory}");
}
