using Lucene.Net.Search;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>
/// The best <c>n</c> documents offered, ordered as Lucene's top-score collector orders them: higher score first,
/// then the lower document number; also counts every document offered (the total hits).
/// </summary>
internal sealed class TopHits(int n)
{
    private readonly ScoreDoc[] _heap = new ScoreDoc[n]; // min-heap: the worst kept hit at the root
    private int _count;
    private int _total;

    public void Offer(int doc, float score)
    {
        _total++;
        if (_count < _heap.Length)
        {
            _heap[_count] = new ScoreDoc(doc, score);
            Up(_count++);
        }
        else if (Better(score, doc, _heap[0]))
        {
            _heap[0].Doc = doc;
            _heap[0].Score = score;
            Down(_count);
        }
    }

    /// <summary>The kept hits, best first (the collector is left empty).</summary>
    public TopDocs ToTopDocs()
    {
        var ordered = new ScoreDoc[_count];
        for (var i = _count - 1; i >= 0; i--)
        {
            ordered[i] = _heap[0];
            _heap[0] = _heap[i];
            Down(i);
        }

        _count = 0;
        return new TopDocs(_total, ordered, ordered.Length == 0 ? float.NaN : ordered[0].Score);
    }

    private static bool Better(float score, int doc, ScoreDoc than) => score > than.Score || (score == than.Score && doc < than.Doc);

    private void Up(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Better(_heap[parent].Score, _heap[parent].Doc, _heap[i]))
            {
                return;
            }

            (_heap[parent], _heap[i]) = (_heap[i], _heap[parent]);
            i = parent;
        }
    }

    private void Down(int count)
    {
        var i = 0;
        while (true)
        {
            var worst = i;
            var left = (2 * i) + 1;
            var right = left + 1;
            if (left < count && Better(_heap[worst].Score, _heap[worst].Doc, _heap[left]))
            {
                worst = left;
            }

            if (right < count && Better(_heap[worst].Score, _heap[worst].Doc, _heap[right]))
            {
                worst = right;
            }

            if (worst == i)
            {
                return;
            }

            (_heap[worst], _heap[i]) = (_heap[i], _heap[worst]);
            i = worst;
        }
    }
}
