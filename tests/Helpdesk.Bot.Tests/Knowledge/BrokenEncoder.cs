using Helpdesk.KnowledgeIndex.Semantic;

namespace Helpdesk.Bot.Tests.Knowledge;

/// <summary>An embedding model that cannot run (e.g. its native library is missing).</summary>
internal sealed class BrokenEncoder : ITextEncoder
{
    public string ModelId => "broken/1";

    public IReadOnlySet<string> WholeWords { get; } = new HashSet<string>();

    public float[][] EncodePassages(IReadOnlyList<string> texts, CancellationToken cancellationToken) => throw new InvalidOperationException("no model here");

    public float[] EncodeQuery(string text) => throw new InvalidOperationException("no model here");

    public void Warm(CancellationToken cancellationToken) => throw new InvalidOperationException("no model here");
}
