using System.Buffers;

namespace Helpdesk.KnowledgeIndex.Search;

/// <summary>
/// Per-document accumulators of one scoring window of <see cref="WordQueryScorer"/>, rented from the shared pool.
/// Between windows every entry is back at its resting value: <see cref="Matched"/> 0 and <see cref="WordMax"/> NaN.
/// </summary>
internal sealed class WindowBuffers
{
    public WindowBuffers()
    {
        Total = ArrayPool<double>.Shared.Rent(WordQueryScorer.WindowSize);
        Matched = ArrayPool<int>.Shared.Rent(WordQueryScorer.WindowSize);
        Touched = ArrayPool<int>.Shared.Rent(WordQueryScorer.WindowSize);
        WordMax = ArrayPool<float>.Shared.Rent(WordQueryScorer.WindowSize);
        WordSum = ArrayPool<float>.Shared.Rent(WordQueryScorer.WindowSize);
        WordDocs = ArrayPool<int>.Shared.Rent(WordQueryScorer.WindowSize);
        Array.Clear(Matched, 0, WordQueryScorer.WindowSize);
        WordMax.AsSpan(0, WordQueryScorer.WindowSize).Fill(float.NaN);
    }

    /// <summary>Sum of the document's word scores (in double, as Lucene's bucket table sums).</summary>
    public double[] Total { get; }

    /// <summary>How many words the document matched (0: not touched in this window).</summary>
    public int[] Matched { get; }

    /// <summary>The window's touched documents, in first-touch order.</summary>
    public int[] Touched { get; }

    /// <summary>Best clause score of the current word (NaN: no clause of the word matched yet).</summary>
    public float[] WordMax { get; }

    /// <summary>Sum of the current word's clause scores.</summary>
    public float[] WordSum { get; }

    /// <summary>Documents the current word matched.</summary>
    public int[] WordDocs { get; }

    public void Return()
    {
        ArrayPool<double>.Shared.Return(Total);
        ArrayPool<int>.Shared.Return(Matched);
        ArrayPool<int>.Shared.Return(Touched);
        ArrayPool<float>.Shared.Return(WordMax);
        ArrayPool<float>.Shared.Return(WordSum);
        ArrayPool<int>.Shared.Return(WordDocs);
    }
}
