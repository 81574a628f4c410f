using System.Text.RegularExpressions;

namespace Helpdesk.KnowledgeIndex.Articles;

/// <summary>
/// Parses a Markdown article with YAML front matter in either the native format or the Microsoft docs format.
/// Problems carry the file and 1-based line; an article with an error is not returned (the caller skips it).
/// </summary>
public static partial class ArticleParser
{
    /// <summary>Keys of the native format.</summary>
    public static readonly IReadOnlySet<string> NativeKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "id", "title", "summary", "tags", "category", "aliases", "keywords", "audience", "updated", "owner",
    };

    private const int MaxIdLength = 100;

    /// <summary>Parses one article.</summary>
    /// <param name="file">File name used in problem reports.</param>
    /// <param name="relativePath">Path relative to the articles directory (forward slashes).</param>
    /// <param name="content">The whole file.</param>
    /// <param name="attribution">Attribution line for third-party content from this directory, if any.</param>
    public static ArticleParseResult Parse(string file, string relativePath, string content, string? attribution = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(content);

        var problems = new List<ArticleProblem>();
        var split = FrontMatterSplitter.Split(content, out var errorLine, out var error);
        if (split is null)
        {
            problems.Add(new ArticleProblem(file, errorLine, 0, ProblemSeverity.Error, error!));
            return new ArticleParseResult(null, problems);
        }

        var fields = FrontMatterFields.Parse(file, split, problems);
        if (fields is null)
        {
            return new ArticleParseResult(null, problems);
        }

        var article = DetectFormat(fields) == ArticleFormat.Native
            ? ParseNative(fields, relativePath, split)
            : ParseDocs(fields, relativePath, split, attribution);

        if (string.IsNullOrWhiteSpace(split.Body))
        {
            problems.Add(new ArticleProblem(file, split.BodyFirstLine, 0, ProblemSeverity.Error, "the article has no body after the front matter"));
        }

        var failed = problems.Any(p => p.Severity == ProblemSeverity.Error);
        return new ArticleParseResult(failed ? null : article, problems);
    }

    /// <summary>Native when the front matter has an <c>id</c>; docs format when it has <c>ms.*</c> keys or a description.</summary>
    private static ArticleFormat DetectFormat(FrontMatterFields fields)
    {
        if (fields.Has("id"))
        {
            return ArticleFormat.Native;
        }

        var docs = fields.Has("description") || fields.Keys.Any(k => k.StartsWith("ms.", StringComparison.OrdinalIgnoreCase));
        return docs ? ArticleFormat.MicrosoftDocs : ArticleFormat.Native;
    }

    private static KnowledgeArticle ParseNative(FrontMatterFields fields, string relativePath, FrontMatterSplit split)
    {
        var id = fields.Scalar("id");
        if (id is null)
        {
            fields.Error("id", "missing required key 'id' (a lowercase slug such as 'vpn-wont-connect')");
        }
        else if (id.Length > MaxIdLength || !SlugPattern().IsMatch(id))
        {
            fields.Error("id", $"'id' must be a lowercase slug of letters, digits and single hyphens (at most {MaxIdLength} characters); got '{id}'");
        }

        var title = Required(fields, "title");
        var summary = Required(fields, "summary");
        var tags = fields.List("tags");
        var aliases = fields.List("aliases").Concat(fields.List("keywords")).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var audience = fields.Has("audience") ? string.Join(", ", fields.List("audience")) : null;
        var updated = fields.Date("updated", ProblemSeverity.Error, "yyyy-MM-dd");
        foreach (var key in fields.Keys.Where(k => !NativeKeys.Contains(k)))
        {
            fields.Report(key, ProblemSeverity.Warning, $"unknown front matter key '{key}' is ignored");
        }

        return new KnowledgeArticle(
            id ?? string.Empty,
            relativePath,
            title ?? string.Empty,
            summary ?? string.Empty,
            tags,
            fields.Scalar("category"),
            aliases,
            string.IsNullOrWhiteSpace(audience) ? null : audience,
            updated,
            fields.Scalar("owner"),
            split.Body,
            ArticleFormat.Native,
            null);
    }

    private static KnowledgeArticle ParseDocs(FrontMatterFields fields, string relativePath, FrontMatterSplit split, string? attribution)
    {
        var title = Required(fields, "title");
        var summary = fields.Scalar("description");
        if (summary is null)
        {
            fields.Report("description", ProblemSeverity.Warning, "no 'description'; the summary will be empty");
        }

        var category = fields.List("ms.custom", lenient: true)
            .Where(c => c.StartsWith("sap:", StringComparison.OrdinalIgnoreCase))
            .Select(c => c[4..].Split('\\', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault())
            .FirstOrDefault(c => !string.IsNullOrEmpty(c));
        category ??= ProductFolder(relativePath);

        var id = relativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? relativePath[..^3] : relativePath;
        return new KnowledgeArticle(
            id,
            relativePath,
            title ?? string.Empty,
            summary ?? string.Empty,
            fields.List("appliesto", lenient: true).Where(t => !t.StartsWith("MET", StringComparison.Ordinal)).ToArray(),
            category,
            fields.List("keywords", lenient: true),
            fields.Scalar("audience"),
            fields.Date("ms.date", ProblemSeverity.Warning, "MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd"),
            fields.Scalar("ms.author") ?? fields.Scalar("author"),
            split.Body,
            ArticleFormat.MicrosoftDocs,
            attribution);
    }

    private static string? Required(FrontMatterFields fields, string key)
    {
        var value = fields.Scalar(key);
        if (value is null && !fields.Has(key))
        {
            fields.Error(key, $"missing required key '{key}'");
        }
        else if (value is null)
        {
            fields.Error(key, $"'{key}' must not be empty");
        }

        return value;
    }

    /// <summary>For <c>OfficeDocs-Support/Outlook/Client/x.md</c>: "Outlook".</summary>
    private static string? ProductFolder(string relativePath)
    {
        var parts = relativePath.Split('/');
        return parts.Length >= 3 ? parts[1] : null;
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
