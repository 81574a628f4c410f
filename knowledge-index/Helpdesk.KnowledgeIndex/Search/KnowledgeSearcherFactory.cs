using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>Creates index searchers that rank with <see cref="KnowledgeSimilarity"/>.</summary>
internal sealed class KnowledgeSearcherFactory(SearchTuning tuning) : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader) =>
        new(reader) { Similarity = new KnowledgeSimilarity(tuning) };
}
