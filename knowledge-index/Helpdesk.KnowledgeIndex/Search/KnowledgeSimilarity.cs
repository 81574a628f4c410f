using Helpdesk.KnowledgeIndex.Indexing;
using Lucene.Net.Search.Similarities;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>BM25 with separate parameters for the body and the short fields, plus an optional coordination reward.</summary>
internal sealed class KnowledgeSimilarity : PerFieldSimilarityWrapper
{
    private readonly BM25Similarity _body;
    private readonly BM25Similarity _short;
    private readonly float _coordExponent;

    public KnowledgeSimilarity(SearchTuning tuning)
    {
        _body = new BM25Similarity(tuning.BodyK1, tuning.BodyB);
        _short = new BM25Similarity(tuning.ShortFieldK1, tuning.ShortFieldB);
        _coordExponent = tuning.CoordExponent;
    }

    public override Similarity Get(string name) => name == IndexFields.Body ? _body : _short;

    public override float Coord(int overlap, int maxOverlap) =>
        _coordExponent <= 0 || maxOverlap <= 0 ? 1f : MathF.Pow((float)overlap / maxOverlap, _coordExponent);
}
