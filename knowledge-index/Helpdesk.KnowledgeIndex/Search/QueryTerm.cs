namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>One analyzed query term.</summary>
/// <param name="Text">The indexed form (lower case, folded, stemmed).</param>
/// <param name="Kind">Typed by the user, added by the synonym map, or a negated-verb marker.</param>
/// <param name="Surface">The text the user typed for it.</param>
internal sealed record QueryTerm(string Text, QueryTermKind Kind, string Surface)
{
    /// <summary>True when injected by the synonym map rather than typed.</summary>
    public bool IsSynonym => Kind == QueryTermKind.Synonym;
}
