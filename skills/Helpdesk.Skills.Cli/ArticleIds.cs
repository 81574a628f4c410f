using Helpdesk.KnowledgeIndex.Articles;

namespace Helpdesk.Skills.Cli;

/// <summary>The KB article ids flows may reference: from <c>--articles</c>, or the repository's <c>knowledge-index/articles</c>.</summary>
internal static class ArticleIds
{
    public const string RepositoryArticles = "knowledge-index/articles";

    /// <summary>The ids and the folder they came from, or null when no articles folder was given or found.</summary>
    public static (IReadOnlySet<string> Ids, string Directory)? Load(string? articles, string flowsDirectory)
    {
        var directory = articles ?? FindRepositoryArticles(flowsDirectory);
        if (directory is null)
        {
            return null;
        }

        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"articles directory not found: {directory}");
        }

        var set = ArticleLoader.Load([directory]);
        return (set.Articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal), directory);
    }

    private static string? FindRepositoryArticles(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RepositoryArticles);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
