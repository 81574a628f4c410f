using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>Restricts a query to a fixed set of documents (the first-stage candidates being rescored).</summary>
internal sealed class CandidateFilter(IReadOnlyCollection<int> documents) : Filter
{
    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        var maxDoc = context.AtomicReader.MaxDoc;
        var bits = new FixedBitSet(maxDoc);
        foreach (var doc in documents)
        {
            var local = doc - context.DocBase;
            if (local >= 0 && local < maxDoc)
            {
                bits.Set(local);
            }
        }

        return BitsFilteredDocIdSet.Wrap(bits, acceptDocs);
    }
}
