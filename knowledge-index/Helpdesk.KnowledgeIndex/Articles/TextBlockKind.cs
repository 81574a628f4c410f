namespace Helpdesk.KnowledgeIndex.Articles;

/// <summary>Kind of a block of article text.</summary>
public enum TextBlockKind
{
    /// <summary>A heading.</summary>
    Heading,

    /// <summary>Prose: a paragraph, list item, table cell or quote.</summary>
    Prose,

    /// <summary>A code block or command.</summary>
    Code,
}
