namespace Helpdesk.KnowledgeIndex.Semantic;

/// <summary>The unit vectors of one article's passages, the first passage first.</summary>
internal sealed record ArticleVectors(float[][] Passages)
{
    /// <summary><paramref name="firstShare"/> × cosine with the first passage + the rest × the best passage's cosine.</summary>
    public float Similarity(float[] query, float firstShare)
    {
        var first = Dot(query, Passages[0]);
        var best = first;
        for (var i = 1; i < Passages.Length; i++)
        {
            best = Math.Max(best, Dot(query, Passages[i]));
        }

        return (firstShare * first) + ((1 - firstShare) * best);
    }

    private static float Dot(float[] a, float[] b)
    {
        var length = Math.Min(a.Length, b.Length);
        var sum = 0f;
        for (var i = 0; i < length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
