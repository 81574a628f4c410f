namespace Helpdesk.KnowledgeIndex.Articles;

/// <summary>One knowledge-base article, parsed from Markdown with YAML front matter.</summary>
/// <param name="Id">Stable id: the front matter <c>id</c> (native format) or the relative path without <c>.md</c> (docs format).</param>
/// <param name="Path">The file's path relative to the articles directory it was loaded from, with forward slashes.</param>
/// <param name="Title">Display title.</param>
/// <param name="Summary">One or two sentences (native <c>summary</c>, docs <c>description</c>).</param>
/// <param name="Tags">Free-form tags (docs format: the <c>appliesto</c> products).</param>
/// <param name="Category">Category (docs format: the first <c>sap:</c> support area, else the product folder).</param>
/// <param name="Aliases">Other names and keywords users search with.</param>
/// <param name="Audience">Intended readers, e.g. "employees" or "ITPro".</param>
/// <param name="Updated">Date of the last review, when known.</param>
/// <param name="Owner">Owning team or author.</param>
/// <param name="Markdown">The article body (Markdown, front matter removed).</param>
/// <param name="Format">Front matter dialect.</param>
/// <param name="Attribution">Licence/attribution line that must be shown with third-party content; null for own articles.</param>
public sealed record KnowledgeArticle(
    string Id,
    string Path,
    string Title,
    string Summary,
    IReadOnlyList<string> Tags,
    string? Category,
    IReadOnlyList<string> Aliases,
    string? Audience,
    DateOnly? Updated,
    string? Owner,
    string Markdown,
    ArticleFormat Format,
    string? Attribution);
