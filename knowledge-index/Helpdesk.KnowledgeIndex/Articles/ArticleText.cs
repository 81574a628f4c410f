namespace Helpdesk.KnowledgeIndex.Articles;

/// <summary>Plain text of an article body: its first level-1 heading and its blocks in order.</summary>
public sealed record ArticleText(string? FirstHeading, IReadOnlyList<TextBlock> Blocks)
{
    /// <summary>Headings below the first level-1 heading.</summary>
    public IEnumerable<string> Headings => Blocks.Where(b => b.Kind == TextBlockKind.Heading).Select(b => b.Text);

    /// <summary>Prose blocks joined by new lines (what snippets are cut from).</summary>
    public string Prose => string.Join('\n', Blocks.Where(b => b.Kind == TextBlockKind.Prose).Select(b => b.Text));

    /// <summary>Code blocks joined by new lines.</summary>
    public string Code => string.Join('\n', Blocks.Where(b => b.Kind == TextBlockKind.Code).Select(b => b.Text));
}
