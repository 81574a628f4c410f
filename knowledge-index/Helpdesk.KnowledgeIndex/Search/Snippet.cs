namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>A passage cut from an article for a query, with the matched words marked.</summary>
public sealed record Snippet(string Text, IReadOnlyList<TextSpan> Highlights);
