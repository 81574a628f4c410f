using Lucene.Net.Search;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>One word of a query in the builder's shape: its field clauses and how the non-best ones count
/// (score = max + tie-breaker × (sum − max)).</summary>
internal sealed record QueryWord(IReadOnlyList<Query> Clauses, float TieBreaker);
