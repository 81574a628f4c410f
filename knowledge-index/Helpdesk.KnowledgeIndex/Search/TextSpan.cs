namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>A range of characters in a snippet (e.g. a matched query word).</summary>
public readonly record struct TextSpan(int Start, int Length);
