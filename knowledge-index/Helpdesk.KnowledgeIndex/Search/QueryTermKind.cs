namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>Where a query term came from.</summary>
internal enum QueryTermKind
{
    /// <summary>A word the user typed.</summary>
    Typed,

    /// <summary>Added by the synonym map.</summary>
    Synonym,
}
