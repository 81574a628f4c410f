namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>The terms at one query position: the typed word and any synonyms stacked on it.</summary>
internal sealed record QueryGroup(int Position, IReadOnlyList<QueryTerm> Terms)
{
    /// <summary>The typed term (the first non-synonym), or the first term.</summary>
    public QueryTerm Primary => Terms.FirstOrDefault(t => t.Kind == QueryTermKind.Typed) ?? Terms[0];
}
