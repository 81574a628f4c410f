using Lucene.Net.Search;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>The two parts of a user query: the word matches that select and rank candidates, and the phrase
/// proximity boosts that are only computed for those candidates.</summary>
internal sealed record BuiltQuery(Query Words, Query? Phrases);
