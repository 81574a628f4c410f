namespace Helpdesk.Bot.Tests.EndToEnd;

/// <summary>Folders of the repository the tests run from (found by walking up to <c>Helpdesk.Bot.sln</c>).</summary>
public static class RepositoryPaths
{
    private const string SolutionFile = "Helpdesk.Bot.sln";

    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    /// <summary>The Node side of the end-to-end tests (package.json, scripts).</summary>
    public static string NodeE2E => Path.Combine(Root, "tests", "e2e");

    /// <summary>Screenshots and logs of end-to-end runs (gitignored).</summary>
    public static string Artifacts => Path.Combine(Root, "artifacts", "e2e");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"{SolutionFile} not found above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
