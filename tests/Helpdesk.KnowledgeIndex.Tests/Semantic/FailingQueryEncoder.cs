using Helpdesk.KnowledgeIndex.Semantic;

namespace Helpdesk.KnowledgeIndex.Tests.Semantic;

/// <summary>Embeds passages with <paramref name="inner"/> but fails on every question.</summary>
internal sealed class FailingQueryEncoder(ITextEncoder inner) : ITextEncoder
{
    public string ModelId => inner.ModelId;

    public IReadOnlySet<string> WholeWords => inner.WholeWords;

    public float[][] EncodePassages(IReadOnlyList<string> texts, CancellationToken cancellationToken) => inner.EncodePassages(texts, cancellationToken);

    public float[] EncodeQuery(string text) => throw new InvalidOperationException("model broke");

    /// <summary>Loading works; only encoding a question fails.</summary>
    public void Warm(CancellationToken cancellationToken) => inner.Warm(cancellationToken);
}
