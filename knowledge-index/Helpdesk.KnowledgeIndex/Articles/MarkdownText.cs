using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Helpdesk.KnowledgeIndex.Articles;

/// <summary>
/// Turns article Markdown into plain text blocks for indexing and snippets: links keep their text, images and HTML
/// are dropped, docs-format directives (<c>[!INCLUDE]</c>, <c>:::image</c>, <c>[!NOTE]</c>) are removed.
/// </summary>
public static partial class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <summary>Extracts the plain text of a Markdown body.</summary>
    public static ArticleText Extract(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var cleaned = DocsDirectiveLine().Replace(markdown, string.Empty);
        var document = Markdown.Parse(cleaned, Pipeline);
        var blocks = new List<TextBlock>();
        string? firstHeading = null;
        Walk(document, blocks, ref firstHeading);
        return new ArticleText(firstHeading, blocks);
    }

    private static void Walk(ContainerBlock container, List<TextBlock> blocks, ref string? firstHeading)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    var headingText = Inline(heading.Inline);
                    if (headingText.Length == 0)
                    {
                        break;
                    }

                    if (heading.Level == 1 && firstHeading is null)
                    {
                        firstHeading = headingText;
                    }
                    else
                    {
                        blocks.Add(new TextBlock(TextBlockKind.Heading, headingText));
                    }

                    break;
                case ParagraphBlock paragraph:
                    AddProse(blocks, Inline(paragraph.Inline));
                    break;
                case CodeBlock code:
                    var lines = code.Lines.ToString().Trim();
                    if (lines.Length > 0)
                    {
                        blocks.Add(new TextBlock(TextBlockKind.Code, lines));
                    }

                    break;
                case Table table:
                    foreach (var row in table.OfType<TableRow>())
                    {
                        var cells = row.OfType<TableCell>()
                            .Select(cell => string.Join(' ', cell.OfType<ParagraphBlock>().Select(p => Inline(p.Inline))))
                            .Where(t => t.Length > 0);
                        AddProse(blocks, string.Join(" — ", cells));
                    }

                    break;
                case ContainerBlock child:
                    Walk(child, blocks, ref firstHeading);
                    break;
            }
        }
    }

    private static void AddProse(List<TextBlock> blocks, string text)
    {
        text = AlertMarker().Replace(text, string.Empty).Trim();
        if (text.Length == 0 || text.StartsWith("[!INCLUDE", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        blocks.Add(new TextBlock(TextBlockKind.Prose, text));
    }

    private static string Inline(ContainerInline? inline)
    {
        if (inline is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        AppendInline(inline, builder);
        return Whitespace().Replace(builder.ToString(), " ").Trim();
    }

    private static void AppendInline(ContainerInline container, StringBuilder builder)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true }:
                    break;
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.AsSpan());
                    break;
                case AutolinkInline:
                case HtmlInline:
                    break;
                case ContainerInline child:
                    AppendInline(child, builder);
                    break;
            }
        }
    }

    /// <summary>Docs-format block directives that carry no readable text (<c>:::image ...:::</c>, <c>:::row:::</c>).</summary>
    [GeneratedRegex(@"^[ \t>]*:::.*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex DocsDirectiveLine();

    [GeneratedRegex(@"^\[!(NOTE|TIP|IMPORTANT|CAUTION|WARNING)\]\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AlertMarker();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
