namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>One analyzed query term.</summary>
/// <param name="Text">The indexed form (lower case, folded, stemmed).</param>
/// <param name="IsSynonym">True when injected by the synonym map rather than typed.</param>
/// <param name="Surface">The text the user typed for it.</param>
internal sealed record QueryTerm(string Text, bool IsSynonym, string Surface);
