using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>
/// Restricts a query to a fixed set of documents (the first-stage candidates being rescored). Each segment's bit
/// set is built once and reused by every rescoring query of the same search (phrases, feedback).
/// </summary>
internal sealed class CandidateFilter(IReadOnlyCollection<int> documents) : Filter
{
    private readonly Dictionary<int, FixedBitSet> _bits = []; // by the segment's doc base (unique per leaf)

    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        if (!_bits.TryGetValue(context.DocBase, out var bits))
        {
            var maxDoc = context.AtomicReader.MaxDoc;
            bits = new FixedBitSet(maxDoc);
            foreach (var doc in documents)
            {
                var local = doc - context.DocBase;
                if (local >= 0 && local < maxDoc)
                {
                    bits.Set(local);
                }
            }

            _bits[context.DocBase] = bits;
        }

        return BitsFilteredDocIdSet.Wrap(bits, acceptDocs);
    }
}
