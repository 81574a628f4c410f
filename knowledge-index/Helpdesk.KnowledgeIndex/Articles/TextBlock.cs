namespace Helpdesk.KnowledgeIndex.Articles;

/// <summary>One block of plain text taken from an article's Markdown.</summary>
public sealed record TextBlock(TextBlockKind Kind, string Text);
