namespace Helpdesk.Skills.Knowledge;

/// <summary>One article on a card, channel-neutral.</summary>
/// <param name="Title">Title.</param>
/// <param name="Text">The best passage for the question (or the summary), plain text.</param>
/// <param name="Url">Where "Open article" goes (<c>/kb/{id}</c>).</param>
/// <param name="Category">Category, when known.</param>
/// <param name="Updated">Last reviewed, when known.</param>
/// <param name="Attribution">Licence/attribution line that must be shown with third-party content; null for own articles.</param>
public sealed record ArticleCardItem(string Title, string Text, string Url, string? Category, DateOnly? Updated, string? Attribution);
