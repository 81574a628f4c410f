namespace Helpdesk.Skills.Knowledge;

/// <summary>One article on a card, channel-neutral.</summary>
/// <param name="Title">Title.</param>
/// <param name="Summary">What the article is about (one or two sentences).</param>
/// <param name="Snippet">The passage that best matches the question, plain text; null when there is none.</param>
/// <param name="Url">Where "Open article" goes (<c>/kb/{id}</c>).</param>
/// <param name="Category">Category, when known.</param>
/// <param name="Updated">Last reviewed, when known.</param>
/// <param name="Attribution">Licence/attribution line that must be shown with third-party content; null for own articles.</param>
public sealed record ArticleCardItem(string Title, string Summary, string? Snippet, string Url, string? Category, DateOnly? Updated, string? Attribution);
