using System.Text.RegularExpressions;
using Helpdesk.KnowledgeIndex.Articles;

namespace Helpdesk.KnowledgeIndex.Semantic;

/// <summary>
/// The texts embedded for an article: the first passage is "title. summary. prose…", each further one "title. prose…"
/// continuing where the previous passage ended, each at most <see cref="SemanticRerankSettings.PassageChars"/> long.
/// Code blocks, images, link targets and HTML tags are dropped; Markdown punctuation becomes spaces.
/// </summary>
internal static partial class SemanticPassages
{
    public static string[] For(KnowledgeArticle article, SemanticRerankSettings settings)
    {
        var prose = Prose(article.Markdown);
        var chars = settings.PassageChars;
        var passages = new List<string>(settings.PassagesPerArticle) { Truncate($"{article.Title}. {article.Summary}. {prose}", chars) };
        for (var p = 1; p < settings.PassagesPerArticle; p++)
        {
            var start = (p * chars) - article.Title.Length - article.Summary.Length - 4;
            if (start <= 0 || start >= prose.Length)
            {
                break;
            }

            passages.Add(Truncate($"{article.Title}. {prose[start..]}", chars));
        }

        return [.. passages];
    }

    internal static string Prose(string markdown)
    {
        var text = CodeBlock().Replace(markdown, " ");
        text = Image().Replace(text, " ");
        text = Link().Replace(text, "$1");
        text = Tag().Replace(text, " ");
        text = Punctuation().Replace(text, " ");
        return Space().Replace(text, " ").Trim();
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [GeneratedRegex("```.*?```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("[#>*_`|]+")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
