using Helpdesk.KnowledgeIndex.Semantic;

namespace Helpdesk.KnowledgeIndex.Tests.Semantic;

/// <summary>
/// A deterministic stand-in for an embedding model: one dimension per concept (a group of words that mean the same
/// here), counting the words of each concept in the text, normalized to a unit vector. Counts what it encodes.
/// </summary>
internal sealed class ConceptEncoder(string modelId = "concepts/1") : ITextEncoder
{
    private static readonly string[][] Concepts =
    [
        ["mailbox", "mail", "email", "outlook"],
        ["full", "quota", "storage", "size", "space"],
        ["junk", "spam"],
        ["vpn", "certificate", "tunnel"],
    ];

    private int _passages;
    private int _queries;
    private int _warms;

    public string ModelId { get; } = modelId;

    public IReadOnlySet<string> WholeWords { get; } = new HashSet<string>();

    public int PassagesEncoded => _passages;

    public int QueriesEncoded => _queries;

    public string? LastQuery { get; private set; }

    public int Warms => _warms;

    public float[][] EncodePassages(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _passages, texts.Count);
        return [.. texts.Select(Vector)];
    }

    public float[] EncodeQuery(string text)
    {
        Interlocked.Increment(ref _queries);
        LastQuery = text;
        return Vector(text);
    }

    public void Warm(CancellationToken cancellationToken) => Interlocked.Increment(ref _warms);

    private static float[] Vector(string text)
    {
        var words = text.ToLowerInvariant().Split([' ', '.', ',', '?', '!', ':'], StringSplitOptions.RemoveEmptyEntries);
        var vector = new float[Concepts.Length + 1];
        for (var c = 0; c < Concepts.Length; c++)
        {
            vector[c] = words.Count(w => Concepts[c].Contains(w));
        }

        vector[^1] = vector.All(v => v == 0) ? 1 : 0;
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }
}
