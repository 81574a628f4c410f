using Helpdesk.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Knowledge;

/// <summary>Where the articles and the index are, as absolute paths.</summary>
internal sealed class KnowledgePaths(IOptions<KnowledgeOptions> options, IHostEnvironment environment, DataPaths data)
{
    /// <summary>The copy of the project's articles in the build output.</summary>
    public static string CopiedArticles { get; } = Path.Combine(AppContext.BaseDirectory, "knowledge", "articles");

    /// <summary>Every article folder to index, configured ones first, without duplicates.</summary>
    public IReadOnlyList<string> ArticleDirectories
    {
        get
        {
            var value = options.Value;
            var primary = value.ArticleDirectories.Count > 0
                ? value.ArticleDirectories.Select(d => Resolve(environment, d))
                : [DefaultArticles(environment) ?? RepositoryArticles(environment)];
            return [.. primary.Concat(value.ExtraArticleDirectories.Select(d => Resolve(environment, d))).Distinct(StringComparer.Ordinal)];
        }
    }

    /// <summary>The index folder.</summary>
    public string Index => Path.GetFullPath(Path.Combine(data.Root, options.Value.IndexDirectory));

    /// <summary>The semantic rerank's passage vectors, beside the index folder.</summary>
    public string SemanticVectors => Index.TrimEnd(Path.DirectorySeparatorChar) + ".semantic-vectors";

    /// <summary>The semantic rerank's int8 model file (made once from the bundled model), beside the index folder.</summary>
    public string SemanticModel => Index.TrimEnd(Path.DirectorySeparatorChar) + ".semantic-model";

    /// <summary>The repository's <c>knowledge-index/articles</c>, seen from the host project folder.</summary>
    public static string RepositoryArticles(IHostEnvironment environment) =>
        Path.GetFullPath(Path.Combine(environment.ContentRootPath, "..", "..", "knowledge-index", "articles"));

    /// <summary>The project's own articles: the repository's folder if present (live edits), else the build output's copy; null when neither exists.</summary>
    public static string? DefaultArticles(IHostEnvironment environment) =>
        new[] { RepositoryArticles(environment), CopiedArticles }.FirstOrDefault(Directory.Exists);

    /// <summary><paramref name="directory"/> relative to the content root unless absolute.</summary>
    public static string Resolve(IHostEnvironment environment, string directory) =>
        Path.GetFullPath(Path.Combine(environment.ContentRootPath, directory));
}
