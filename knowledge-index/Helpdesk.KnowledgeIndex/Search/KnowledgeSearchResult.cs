namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>One search hit.</summary>
/// <param name="Id">Article id (pass to <see cref="IKnowledgeSearch.GetArticle"/>).</param>
/// <param name="Title">Title.</param>
/// <param name="Summary">Summary.</param>
/// <param name="Snippet">Best passage of the body for the query, plain text.</param>
/// <param name="Highlights">Where the query's words are in <paramref name="Snippet"/>.</param>
/// <param name="Score">Relevance score (comparable within one result list only).</param>
/// <param name="Path">File path relative to the articles directory it was indexed from.</param>
/// <param name="Category">Category, when known.</param>
/// <param name="Attribution">Licence/attribution line to show with third-party content; null for own articles.</param>
public sealed record KnowledgeSearchResult(
    string Id,
    string Title,
    string Summary,
    string Snippet,
    IReadOnlyList<TextSpan> Highlights,
    float Score,
    string Path,
    string? Category,
    string? Attribution);
