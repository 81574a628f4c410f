using System.Text;
using Helpdesk.KnowledgeIndex.Articles;
using Helpdesk.Skills.Knowledge;

namespace Helpdesk.Skills.LanguageModel;

/// <summary>Turns retrieved articles into the passages a grounded answer may use: plain text (no links, no HTML), bounded.</summary>
public static class GroundingPassages
{
    /// <summary>The longest passage sent per article.</summary>
    public const int DefaultMaxChars = 2000;

    /// <summary>The passage for <paramref name="article"/>: title, summary, the best-matching snippet, then the body's text in order.</summary>
    public static GroundingPassage From(ScoredArticle article, int maxChars = DefaultMaxChars)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 200);
        var text = new StringBuilder();
        text.Append(article.Hit.Summary.Trim()).Append('\n');
        if (!string.IsNullOrWhiteSpace(article.Hit.Snippet))
        {
            text.Append("Best match: ").Append(article.Hit.Snippet.Trim()).Append('\n');
        }

        foreach (var block in MarkdownText.Extract(article.Article.Markdown).Blocks)
        {
            if (text.Length >= maxChars)
            {
                break;
            }

            text.Append(block.Kind == TextBlockKind.Heading ? "## " + block.Text : block.Text).Append('\n');
        }

        var passage = text.ToString().Trim();
        if (passage.Length > maxChars)
        {
            var cut = passage.LastIndexOf(' ', maxChars - 1);
            passage = passage[..(cut > maxChars / 2 ? cut : maxChars - 1)].TrimEnd() + "…";
        }

        return new GroundingPassage(article.Hit.Id, article.Hit.Title, passage);
    }
}
