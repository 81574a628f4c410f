using System.Text;
using System.Text.RegularExpressions;
using Helpdesk.KnowledgeIndex.Articles;
using Helpdesk.Skills.Knowledge;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Helpdesk.Bot.Knowledge;

/// <summary>
/// Renders an article's Markdown to HTML that cannot carry script, whatever the article contains:
/// <list type="bullet">
/// <item>raw HTML (blocks and inline tags, comments) is dropped from the syntax tree before rendering — the text
/// between inline tags stays, as text; no attribute syntax extension is enabled, so Markdown cannot add attributes;</item>
/// <item>links keep only http, https and mailto URLs and fragments; relative links between docs articles become
/// links to their <c>/kb/</c> pages when that article is indexed; any other link (javascript:, data:, vbscript:,
/// protocol-relative, unknown relative paths) is reduced to its text; external links get <c>rel="noopener
/// noreferrer nofollow"</c>;</item>
/// <item>images are not loaded: their alt text is shown instead;</item>
/// <item>docs-format directives (<c>:::image</c>, <c>[!INCLUDE]</c>) are removed and <c>[!NOTE]</c> markers become a
/// bold label.</item>
/// </list>
/// Everything else is escaped by Markdig's HTML renderer.
/// </summary>
internal static partial class ArticleHtmlRenderer
{
    /// <summary>Where the root-relative links of Microsoft docs articles point.</summary>
    public const string DocsSite = "https://learn.microsoft.com";

    private const string ExternalRel = "noopener noreferrer nofollow";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseAutoIdentifiers()
        .Build();

    /// <summary>The article body as safe HTML (without the leading title heading, which the page shows itself).</summary>
    /// <param name="article">The article.</param>
    /// <param name="isIndexed">Whether an article id exists (to link docs articles to each other).</param>
    public static string Render(KnowledgeArticle article, Func<string, bool> isIndexed)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(isIndexed);
        var markdown = IncludeLine().Replace(DirectiveLine().Replace(article.Markdown, string.Empty), string.Empty);
        markdown = AlertMarker().Replace(markdown, match => match.Groups["quote"].Value + "**" + Label(match.Groups["kind"].Value) + ":** ");
        var document = Markdown.Parse(markdown, Pipeline);
        DropTitleHeading(document, article.Title);
        Sanitize(document, article, isIndexed);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>
    /// The URL a link may keep, or null when it must become plain text. Absolute http(s) and mailto URLs and
    /// fragments pass; relative links of docs articles are resolved to <c>/kb/</c> pages (when indexed) or, when
    /// root-relative, to <see cref="DocsSite"/>; anything else is refused.
    /// </summary>
    public static string? SafeUrl(string? url, KnowledgeArticle article, Func<string, bool> isIndexed)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(isIndexed);
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var trimmed = url.Trim();

        // Browsers ignore tabs and new lines inside URLs ("java\tscript:"); any control or space character is refused.
        if (trimmed.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\'))
        {
            return null;
        }

        if (trimmed.StartsWith('#'))
        {
            return FragmentOnly().IsMatch(trimmed) ? trimmed : null;
        }

        if (trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        var schemeEnd = trimmed.IndexOf(':', StringComparison.Ordinal);
        var pathEnd = trimmed.IndexOfAny(['/', '?', '#']);
        if (schemeEnd >= 0 && (pathEnd < 0 || schemeEnd < pathEnd))
        {
            // Kept as written (the renderer escapes it); only the scheme decides.
            return Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "mailto"
                ? trimmed
                : null;
        }

        return article.Format == ArticleFormat.MicrosoftDocs ? DocsRelative(trimmed, article, isIndexed) : OwnRelative(trimmed);
    }

    private static string? OwnRelative(string url) =>

        // Own articles may link to other pages of this site by absolute path (e.g. /kb/vpn-wont-connect).
        url.StartsWith('/') && Uri.TryCreate("https://host" + url, UriKind.Absolute, out var parsed) ? parsed.PathAndQuery + parsed.Fragment : null;

    private static string? DocsRelative(string url, KnowledgeArticle article, Func<string, bool> isIndexed)
    {
        if (url.StartsWith('/'))
        {
            return Uri.TryCreate(DocsSite + url, UriKind.Absolute, out var docs) ? docs.AbsoluteUri : null;
        }

        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var path = hash >= 0 ? url[..hash] : url;
        var fragment = hash >= 0 ? url[hash..] : string.Empty;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            path = path[..query];
        }

        if (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Resolve against the article's own folder (its id is its path without ".md").
        var segments = article.Id.Split('/').SkipLast(1).ToList();
        foreach (var segment in Uri.UnescapeDataString(path[..^3]).Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    break;
                case "..":
                    if (segments.Count == 0)
                    {
                        return null;
                    }

                    segments.RemoveAt(segments.Count - 1);
                    break;
                default:
                    segments.Add(segment);
                    break;
            }
        }

        var id = string.Join('/', segments);
        return ArticleIds.IsValid(id) && isIndexed(id)
            ? ArticleLinks.For(id, baseUrl: null, channelId: null, serviceUrl: null) + (FragmentOnly().IsMatch(fragment) ? fragment : string.Empty)
            : null;
    }

    /// <summary>The page shows the title as its one level-1 heading: a leading copy is dropped, other level-1 headings become level 2.</summary>
    private static void DropTitleHeading(MarkdownDocument document, string title)
    {
        if (document.FirstOrDefault() is HeadingBlock { Level: 1 } heading
            && string.Equals(PlainText(heading.Inline).Trim(), title.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            document.Remove(heading);
        }

        foreach (var other in document.Descendants<HeadingBlock>().Where(h => h.Level == 1))
        {
            other.Level = 2;
        }
    }

    private static void Sanitize(MarkdownDocument document, KnowledgeArticle article, Func<string, bool> isIndexed)
    {
        foreach (var html in document.Descendants<HtmlBlock>().ToList())
        {
            html.Parent?.Remove(html);
        }

        foreach (var html in document.Descendants<HtmlInline>().ToList())
        {
            html.Remove();
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage)
            {
                var alt = PlainText(link).Trim();
                if (alt.Length > 0)
                {
                    link.ReplaceBy(new LiteralInline("[" + alt + "]"), copyChildren: false);
                }
                else
                {
                    link.Remove();
                }

                continue;
            }

            var safe = SafeUrl(link.GetDynamicUrl?.Invoke() ?? link.Url, article, isIndexed);
            if (safe is null)
            {
                Unwrap(link);
                continue;
            }

            link.Url = safe;
            link.GetDynamicUrl = null;
            if (IsExternal(safe))
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", ExternalRel);
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
            var safe = SafeUrl(url, article, isIndexed);
            if (safe is null)
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
                continue;
            }

            var link = new LinkInline(safe, string.Empty);
            link.AppendChild(new LiteralInline(autolink.Url));
            if (IsExternal(safe))
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", ExternalRel);
            }

            autolink.ReplaceBy(link);
        }
    }

    private static bool IsExternal(string url) => url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal);

    /// <summary>Replaces a link by its contents (the text stays, the link goes).</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }

    private static string PlainText(ContainerInline? container)
    {
        if (container is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var inline in container.Descendants<LiteralInline>())
        {
            builder.Append(inline.Content.AsSpan());
        }

        foreach (var code in container.Descendants<CodeInline>())
        {
            builder.Append(code.Content);
        }

        return builder.ToString();
    }

    private static string Label(string kind) => kind.Length == 0 ? kind : char.ToUpperInvariant(kind[0]) + kind[1..].ToLowerInvariant();

    [GeneratedRegex(@"^[ \t>]*:::.*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex DirectiveLine();

    [GeneratedRegex(@"^[ \t>]*\[!INCLUDE[^\n]*$", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IncludeLine();

    [GeneratedRegex(@"^(?<quote>[ \t]*>[ \t]*)\[!(?<kind>NOTE|TIP|IMPORTANT|CAUTION|WARNING)\][ \t]*", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AlertMarker();

    [GeneratedRegex(@"^#[A-Za-z0-9_\-.]*$", RegexOptions.CultureInvariant)]
    private static partial Regex FragmentOnly();
}
