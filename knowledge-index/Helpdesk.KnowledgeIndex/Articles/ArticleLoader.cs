using System.Text.RegularExpressions;

namespace Helpdesk.KnowledgeIndex.Articles;

/// <summary>
/// Loads every <c>*.md</c> article under one or more directories. Bad files are reported (file + line) and skipped;
/// the rest load. Paths are relative to the directory they were found under.
/// </summary>
public static partial class ArticleLoader
{
    /// <summary>The file a third-party corpus keeps its licence and attribution in.</summary>
    public const string AttributionFileName = "ATTRIBUTION.md";

    private static readonly HashSet<string> NonArticleFiles = new(StringComparer.OrdinalIgnoreCase)
    {
        "README.md", AttributionFileName, "LICENSE.md", "CHANGELOG.md", "CONTRIBUTING.md",
    };

    /// <summary>Loads all articles under the given directories.</summary>
    /// <exception cref="DirectoryNotFoundException">A directory does not exist.</exception>
    public static ArticleSet Load(IEnumerable<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        var files = new List<(string Given, string Root, string File, string? Attribution)>();
        foreach (var directory in directories)
        {
            var root = System.IO.Path.GetFullPath(directory);
            if (!Directory.Exists(root))
            {
                throw new DirectoryNotFoundException($"articles directory not found: {directory}");
            }

            var attribution = ReadAttribution(root);
            files.AddRange(EnumerateArticleFiles(root).Select(f => (directory, root, f, attribution)));
        }

        var results = files
            .AsParallel()
            .AsOrdered()
            .Select(f => ParseFile(f.Given, f.Root, f.File, f.Attribution))
            .ToList();

        var articles = new List<KnowledgeArticle>(results.Count);
        var problems = new List<ArticleProblem>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (result, displayPath) in results)
        {
            problems.AddRange(result.Problems);
            if (result.Article is not { } article)
            {
                continue;
            }

            if (seen.TryGetValue(article.Id, out var first))
            {
                problems.Add(new ArticleProblem(displayPath, 1, 0, ProblemSeverity.Error, $"duplicate article id '{article.Id}' (first used by {first}); this file is skipped"));
                continue;
            }

            seen.Add(article.Id, article.Path);
            articles.Add(article);
        }

        return new ArticleSet(articles, problems);
    }

    /// <summary>The article files under a directory, sorted, skipping hidden entries and README/ATTRIBUTION/LICENSE files.</summary>
    public static IEnumerable<string> EnumerateArticleFiles(string root) =>
        Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Where(f => !IsIgnored(System.IO.Path.GetRelativePath(root, f)))
            .Order(StringComparer.Ordinal);

    /// <summary>The "Suggested attribution line" from a corpus's ATTRIBUTION.md, or null when there is none.</summary>
    public static string? ReadAttribution(string root)
    {
        var path = System.IO.Path.Combine(root, AttributionFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var match = AttributionLine().Match(File.ReadAllText(path));
        return match.Success ? match.Groups["text"].Value.Trim() : null;
    }

    private static (ArticleParseResult Result, string DisplayPath) ParseFile(string given, string root, string file, string? attribution)
    {
        var relative = System.IO.Path.GetRelativePath(root, file).Replace('\\', '/');
        var display = System.IO.Path.Join(given, relative).Replace('\\', '/');
        string content;
        try
        {
            content = File.ReadAllText(file);
        }
        catch (IOException ex)
        {
            return (new ArticleParseResult(null, [new ArticleProblem(display, 1, 0, ProblemSeverity.Error, $"cannot read the file: {ex.Message}")]), display);
        }
        catch (UnauthorizedAccessException ex)
        {
            return (new ArticleParseResult(null, [new ArticleProblem(display, 1, 0, ProblemSeverity.Error, $"cannot read the file: {ex.Message}")]), display);
        }

        return (ArticleParser.Parse(display, relative, content, attribution), display);
    }

    private static bool IsIgnored(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/');
        if (parts.Any(p => p.StartsWith('.') || p.StartsWith('_')))
        {
            return true;
        }

        return NonArticleFiles.Contains(parts[^1]);
    }

    [GeneratedRegex("Suggested attribution line:\\s*\"(?<text>[^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex AttributionLine();
}
